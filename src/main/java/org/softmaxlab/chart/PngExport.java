package org.softmaxlab.chart;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.softmaxlab.io.AtomicFiles;

/** Snapshots of nodes written as PNG files (FX thread only), at a chosen scale for sharp slides. */
public final class PngExport {
    private PngExport() {
    }

    /** The pixels of a JavaFX image as an AWT image (no Swing needed). */
    public static BufferedImage toBufferedImage(javafx.scene.image.Image image) {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        PixelReader reader = image.getPixelReader();
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            reader.getPixels(0, y, w, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, w);
            out.setRGB(0, y, w, 1, row, 0, w);
        }
        return out;
    }

    /**
     * Renders {@code node} at {@code scale} (1, 2, 4, ...) and returns the image; a chart is drawn without its
     * interaction hint (an image cannot be clicked). A window's root is drawn on its scene's fill, the window's colour.
     */
    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        if (node.getScene() != null && node.getScene().getRoot() == node) {
            params.setFill(node.getScene().getFill());
        }
        if (!(node instanceof PlotCanvas chart)) {
            return node.snapshot(params, null);
        }
        chart.setHintShown(false);
        chart.layout();
        try {
            return node.snapshot(params, null);
        } finally {
            chart.setHintShown(true);
        }
    }

    /** Writes {@code image} to {@code file} as PNG, atomically: a failed write never leaves a half-written file. */
    public static void write(WritableImage image, Path file) throws IOException {
        BufferedImage out = toBufferedImage(image);
        AtomicFiles.write(file, stream -> {
            if (!ImageIO.write(out, "png", stream)) {
                throw new IOException("no PNG writer available");
            }
        });
    }
}
