package org.softmaxlab.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What happens when an exception escapes anywhere: the details go to a log file in {@code <app folder>/logs} at once,
 * on the thread that failed; then, on the UI thread (the view-models are confined to it), the session is saved and
 * marked as crashed (so the next start offers to restore it), and the user is told in one sentence. The app keeps
 * running.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {
    static final String CRASH_MARKER = "crashed";
    private final Workspace workspace;
    private final Executor uiThread;
    private final Consumer<String> tellUser;

    /**
     * @param uiThread runs the saving and the report on the thread that owns the workspace ({@code Platform::runLater}
     *                 in the app)
     * @param tellUser shows a short message (a dialog in the app), called through {@code uiThread}
     */
    public CrashHandler(Workspace workspace, Executor uiThread, Consumer<String> tellUser) {
        this.workspace = workspace;
        this.uiThread = uiThread;
        this.tellUser = tellUser;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        Path log = writeLog(thread, error);
        try {
            uiThread.execute(() -> saveAndReport(error, log));
        } catch (RuntimeException e) {
            // No UI thread to hand over to (it is shutting down): the log above is what is kept.
        }
    }

    private void saveAndReport(Throwable error, Path log) {
        boolean saved = false;
        try {
            saved = workspace.saveSession();
            Files.writeString(workspace.home().resolve(CRASH_MARKER), LocalDateTime.now().toString());
        } catch (IOException | RuntimeException ignored) {
            // Reporting must not fail in its turn; the log line below says what was kept.
        }
        String message = "Something went wrong (" + error.getClass().getSimpleName()
                + (error.getMessage() == null ? "" : ": " + error.getMessage()) + "). "
                + (saved ? "Your session was saved. " : "")
                + (log != null ? "Details are in " + log + "." : "The details could not be written.");
        workspace.report(message, true);
        try {
            tellUser.accept(message);
        } catch (RuntimeException ignored) {
            // The status bar already shows the message.
        }
    }

    /** Whether the last run ended in a crash (its session is waiting to be restored). */
    public static boolean crashedLastTime(Workspace workspace) {
        return Files.exists(workspace.home().resolve(CRASH_MARKER));
    }

    /** Forgets the crash marker once the user has decided. */
    public static void clearCrashMarker(Workspace workspace) {
        try {
            Files.deleteIfExists(workspace.home().resolve(CRASH_MARKER));
        } catch (IOException ignored) {
            // A stale marker only means the question is asked once more.
        }
    }

    private Path writeLog(Thread thread, Throwable error) {
        try {
            Path dir = workspace.home().resolve("logs");
            Files.createDirectories(dir);
            String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
            Path file = dir.resolve("crash-" + stamp + ".log");
            StringWriter trace = new StringWriter();
            error.printStackTrace(new PrintWriter(trace));
            Files.writeString(file, "Softmax Lab crash at " + LocalDateTime.now() + "\nthread: " + thread.getName()
                    + "\njava: " + System.getProperty("java.version") + "\n\n" + trace);
            return file;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
