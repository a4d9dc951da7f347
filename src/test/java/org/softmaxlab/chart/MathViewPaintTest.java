package org.softmaxlab.chart;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.model.ExplorerResults;

/** What a typeset formula looks like on screen: a coloured term is one filled box, with no stray frame beside it. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class MathViewPaintTest {
    private MathView view;

    @Start
    void start(Stage stage) {
        view = new MathView();
        view.setStyle(16, Color.BLACK);
        stage.setScene(new Scene(new Pane(view), 600, 300, Color.WHITE));
        stage.show();
    }

    @Test
    void aColouredTermIsOneFilledBox(FxRobot robot) throws Exception {
        // The notebook's example A as the Explorer shows it: each sample's term on its target class's colour.
        String latex = ExplorerResults.compute(ExplorerPreset.named(ExplorerPreset.EXAMPLE_A).toState()).formula()
                .latex(c -> c == 0 ? "#0072B2" : "#E69F00", c -> c == 0 ? "#FFFFFF" : "#000000");
        robot.interact(() -> view.setLatex(latex));
        // The view takes its formula's size (a Pane sizes it so) once the formula is laid out and painted.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> view.getHeight() > 40);
        WaitForAsyncUtils.waitForFxEvents();
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = view.snapshot(null, null));
        PixelReader pixels = image[0].getPixelReader();
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        int coloured = 0;
        for (int y = 0; y < image[0].getHeight(); y++) {
            for (int x = 0; x < image[0].getWidth(); x++) {
                if (blue(pixels.getColor(x, y))) {
                    coloured++;
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertTrue(coloured > 100, "the term's box is drawn: " + coloured + " pixels of its colour");
        // Its colour is the box's fill, less the white text on it; a frame drawn elsewhere widens the bounds.
        double share = coloured / (double) ((maxX - minX + 1) * (maxY - minY + 1));
        assertTrue(share > 0.9, "the term's colour fills " + share + " of the rectangle around it: "
                + minX + "," + minY + " to " + maxX + "," + maxY);
    }

    /** Tinted blue like the term's box: its fill, or a thin line of it blended into the white around it. */
    private static boolean blue(Color c) {
        return c.getBlue() - c.getRed() > 0.1;
    }
}
