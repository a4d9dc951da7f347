package org.softmaxlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.softmaxlab.explorer.ExplorerViewModel;
import org.softmaxlab.model.ExplorerPreset;
import org.softmaxlab.training.TrainingViewModel;

class CrashHandlerTest {

    @Test
    void aCrashIsLoggedTheSessionSavedAndTheUserTold(@TempDir Path home) throws Exception {
        ExplorerViewModel explorer = new ExplorerViewModel();
        explorer.applyPreset(ExplorerPreset.EXAMPLE_A);
        try (TrainingViewModel training = new TrainingViewModel()) {
            Workspace workspace = new Workspace(explorer, training, home);
            List<String> told = new ArrayList<>();
            Thread failing = new Thread(() -> {
                throw new IllegalStateException("boom");
            }, "worker-7");
            List<Runnable> handedToUi = new ArrayList<>();
            failing.setUncaughtExceptionHandler(new CrashHandler(workspace, handedToUi::add, told::add));
            failing.start();
            failing.join();

            // The failing thread only writes the log; saving and telling wait for the UI thread.
            assertEquals(1, handedToUi.size());
            assertTrue(told.isEmpty());
            assertFalse(CrashHandler.crashedLastTime(workspace));
            handedToUi.get(0).run();

            assertEquals(1, told.size());
            assertTrue(told.get(0).contains("IllegalStateException: boom"), told.get(0));
            assertTrue(told.get(0).contains("Your session was saved"), told.get(0));
            try (var logs = Files.list(home.resolve("logs"))) {
                Path log = logs.findFirst().orElseThrow();
                String text = Files.readString(log);
                assertTrue(text.contains("thread: worker-7"));
                assertTrue(text.contains("java.lang.IllegalStateException: boom"));
                assertTrue(text.contains("at "), "the stack trace is in the log");
            }
            assertTrue(CrashHandler.crashedLastTime(workspace));
            assertTrue(workspace.statusIsErrorProperty().get());

            ExplorerViewModel next = new ExplorerViewModel();
            try (TrainingViewModel nextTraining = new TrainingViewModel()) {
                Workspace restarted = new Workspace(next, nextTraining, home);
                assertTrue(CrashHandler.crashedLastTime(restarted));
                assertTrue(restarted.restoreSession());
                assertEquals("0.2159", next.getResult().lossText());
                CrashHandler.clearCrashMarker(restarted);
                assertFalse(CrashHandler.crashedLastTime(restarted));
            }
        }
    }
}
