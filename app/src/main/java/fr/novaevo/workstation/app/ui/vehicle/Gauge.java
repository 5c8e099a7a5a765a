package fr.novaevo.workstation.app.ui.vehicle;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.shape.ArcType;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;

/** A dial drawn on a canvas: a 240° arc from min to max, the value's arc, the value in large figures. */
final class Gauge extends Canvas {

    static final double WIDTH = 165;
    static final double HEIGHT = 150;

    Gauge() {
        super(WIDTH, HEIGHT);
        getStyleClass().add("vehicle-gauge");
    }

    void draw(String name, String valueText, String unit, double value, double min, double max) {
        GraphicsContext g = getGraphicsContext2D();
        g.clearRect(0, 0, WIDTH, HEIGHT);
        g.setFill(Color.WHITE);
        g.fillRoundRect(0, 0, WIDTH, HEIGHT, 14, 14);
        g.setStroke(Color.web("#dde3ea"));
        g.setLineWidth(1);
        g.strokeRoundRect(0.5, 0.5, WIDTH - 1, HEIGHT - 1, 14, 14);
        double cx = WIDTH / 2;
        double cy = 86;
        double r = 50;
        g.setLineCap(StrokeLineCap.ROUND);
        g.setLineWidth(11);
        g.setStroke(Color.web("#e6ebf1"));
        g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, -30, 240, ArcType.OPEN);
        double fraction = Double.isNaN(value) || max <= min ? 0 : Math.max(0, Math.min(1, (value - min) / (max - min)));
        if (!Double.isNaN(value)) {
            g.setStroke(fraction > 0.85 ? Color.web("#b3261e") : Color.web("#0b5fa5"));
            g.strokeArc(cx - r, cy - r, 2 * r, 2 * r, 210, -240 * fraction, ArcType.OPEN);
            double angle = Math.toRadians(210 - 240 * fraction);
            g.setStroke(Color.web("#16324f"));
            g.setLineWidth(3);
            g.strokeLine(cx, cy, cx + (r - 14) * Math.cos(angle), cy - (r - 14) * Math.sin(angle));
            g.setFill(Color.web("#16324f"));
            g.fillOval(cx - 5, cy - 5, 10, 10);
        }
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        g.setFill(Color.web("#16324f"));
        g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 20));
        g.fillText(valueText, cx, cy + 30, WIDTH - 16);
        g.setFont(Font.font("DejaVu Sans", 12));
        g.setFill(Color.web("#5b6b7c"));
        g.fillText(unit, cx, cy + 50);
        g.setFill(Color.web("#16324f"));
        if (name.length() <= 24) {
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 12));
            g.fillText(name, cx, 14, WIDTH - 10);
        } else { // two lines rather than squeezed letters
            g.setFont(Font.font("DejaVu Sans", FontWeight.BOLD, 11));
            int middle = name.length() / 2;
            int cut = name.lastIndexOf(' ', middle);
            int after = name.indexOf(' ', middle);
            if (cut < 0 || (after > 0 && after - middle < middle - cut)) {
                cut = after;
            }
            if (cut < 0) {
                g.fillText(name, cx, 14, WIDTH - 10);
            } else {
                g.fillText(name.substring(0, cut), cx, 10, WIDTH - 10);
                g.fillText(name.substring(cut + 1), cx, 23, WIDTH - 10);
            }
        }
        g.setFont(Font.font("DejaVu Sans", 11));
        g.setFill(Color.web("#5b6b7c"));
        g.fillText(LiveView.compact(min), cx - r + 4, cy + r + 2);
        g.fillText(LiveView.compact(max), cx + r - 4, cy + r + 2);
    }
}
