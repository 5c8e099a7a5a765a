package fr.novaevo.workstation.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;

/** Writes what the window shows to target/screenshots, so that a person can look at every screen. */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path save(Stage stage, String name) throws IOException {
        return save(stage.getScene(), name);
    }

    /** Writes what {@code scene} shows; fails when it shows nothing but one colour. */
    public static Path save(javafx.scene.Scene scene, String name) throws IOException {
        WritableImage[] image = new WritableImage[1];
        new FxRobot().interact(() -> image[0] = scene.snapshot(null));
        int width = (int) image[0].getWidth();
        int height = (int) image[0].getHeight();
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image[0].getPixelReader();
        int distinct = 0;
        int first = pixels.getArgb(0, 0);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = pixels.getArgb(x, y);
                out.setRGB(x, y, argb);
                if (argb != first) {
                    distinct++;
                }
            }
        }
        assertThat(distinct).as("the screen " + name + " shows something").isPositive();
        Path folder = Path.of("target", "screenshots");
        Files.createDirectories(folder);
        Path file = folder.resolve(name + ".png");
        ImageIO.write(out, "png", file.toFile());
        return file;
    }
}
