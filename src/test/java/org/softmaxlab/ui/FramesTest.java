package org.softmaxlab.ui;

import org.junit.jupiter.api.Tag;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.animation.AnimationTimer;
import javafx.scene.Scene;
import javafx.scene.layout.Pane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/** Work put off to a window's later frames runs once, in the frame asked for, and not before the window shows. */
@ExtendWith(ApplicationExtension.class)
@Tag("ui")
class FramesTest {
    private Stage stage;
    private AnimationTimer counter;

    @AfterEach
    void close() throws Exception {
        FxToolkit.setupFixture(() -> {
            if (counter != null) {
                counter.stop();
            }
            if (stage != null) {
                stage.close();
            }
        });
    }

    @Test
    void runsInTheThirdShownFrameOnly() throws Exception {
        Pane node = new Pane();
        AtomicInteger shownFrames = new AtomicInteger();
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger ranInFrame = new AtomicInteger();
        FxToolkit.setupFixture(() -> {
            // Counts the pulses of the shown window; started first, it counts a pulse before the task's timer sees it.
            counter = new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (node.getScene() != null && node.getScene().getWindow().isShowing()) {
                        shownFrames.incrementAndGet();
                    }
                }
            };
            counter.start();
            Frames.after(node, 3, () -> {
                runs.incrementAndGet();
                ranInFrame.set(shownFrames.get());
            });
        });
        Thread.sleep(300); // pulses go by (the counting timer asks for them) with the node in no window
        assertEquals(0, runs.get(), "nothing runs before the node's window shows");

        FxToolkit.setupFixture(() -> {
            stage = new Stage();
            stage.setScene(new Scene(node, 200, 100));
            stage.show();
        });
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> shownFrames.get() >= 10);
        assertEquals(1, runs.get(), "the task runs once");
        assertEquals(3, ranInFrame.get(), "in the third frame of the shown window");
    }
}
