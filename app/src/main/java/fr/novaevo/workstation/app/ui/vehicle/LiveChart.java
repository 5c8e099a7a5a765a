package fr.novaevo.workstation.app.ui.vehicle;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * A scrolling chart of one PID's last {@link LiveBuffer#CAPACITY} values, drawn on a canvas that follows the
 * region's width: the newest value on the right, nothing kept beyond the ring buffer it is given. A NaN in the
 * values (the adapter was lost) breaks the line: the values after the reconnection start a new stroke.
 */
final class LiveChart extends Region {

    static final double HEIGHT = 120;
    private final Canvas canvas = new Canvas(400, HEIGHT);
    private LiveBuffer.Series last;
    private double min;
    private double max;

    LiveChart() {
        getChildren().add(canvas);
        setMinHeight(HEIGHT);
        setPrefHeight(HEIGHT);
        getStyleClass().add("vehicle-chart");
    }

    @Override
    protected void layoutChildren() {
        double w = Math.max(100, getWidth());
        if (canvas.getWidth() != w) {
            canvas.setWidth(w);
            redraw();
        }
    }

    void draw(LiveBuffer.Series series, double min, double max) {
        this.last = series;
        this.min = min;
        this.max = max;
        redraw();
    }

    private void redraw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = HEIGHT;
        g.clearRect(0, 0, w, h);
        g.setFill(Color.WHITE);
        g.fillRect(0, 0, w, h);
        g.setStroke(Color.web("#dde3ea"));
        g.setLineWidth(1);
        g.strokeRect(0.5, 0.5, w - 1, h - 1);
        double left = 56;
        double top = 22;
        double bottom = h - 8;
        double right = w - 8;
        for (int i = 0; i <= 2; i++) {
            double y = top + (bottom - top) * i / 2;
            g.setStroke(Color.web("#eef2f6"));
            g.strokeLine(left, y, right, y);
        }
        g.setFont(Font.font("DejaVu Sans", 11));
        g.setFill(Color.web("#5b6b7c"));
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        g.fillText(LiveView.compact(max), left - 6, top);
        g.fillText(LiveView.compact((min + max) / 2), left - 6, (top + bottom) / 2);
        g.fillText(LiveView.compact(min), left - 6, bottom);
        if (last == null) {
            return;
        }
        g.setTextAlign(TextAlignment.LEFT);
        g.setTextBaseline(VPos.TOP);
        g.setFill(Color.web("#16324f"));
        g.setFont(Font.font("DejaVu Sans", 12));
        g.fillText(last.name() + (last.unit().isEmpty() ? "" : " (" + last.unit() + ")"), left, 4);
        double[] values = last.values();
        if (values.length < 2 || max <= min) {
            return;
        }
        double step = (right - left) / (LiveBuffer.CAPACITY - 1);
        double x0 = right - step * (values.length - 1);
        g.setStroke(Color.web("#0b5fa5"));
        g.setLineWidth(2);
        g.beginPath();
        boolean penDown = false;
        for (int i = 0; i < values.length; i++) {
            double x = x0 + i * step;
            if (Double.isNaN(values[i])) {
                penDown = false;
                g.setStroke(Color.web("#c0392b"));
                g.setLineDashes(3, 3);
                g.setLineWidth(1);
                g.strokeLine(x, top, x, bottom);
                g.setLineDashes();
                g.setStroke(Color.web("#0b5fa5"));
                g.setLineWidth(2);
                continue;
            }
            double f = Math.max(0, Math.min(1, (values[i] - min) / (max - min)));
            double y = bottom - f * (bottom - top);
            if (penDown) {
                g.lineTo(x, y);
            } else {
                g.moveTo(x, y);
                penDown = true;
            }
        }
        g.stroke();
    }
}
