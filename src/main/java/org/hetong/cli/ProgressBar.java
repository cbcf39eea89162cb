package org.hetong.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on the terminal: done/total, rate and time left. Redraws at most every
 * 200 ms; on a non-terminal (a log file, CI) it prints a plain line every few seconds instead.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final long total;
    private final long started = System.nanoTime();
    private final boolean terminal = System.console() != null;
    private long lastDraw;

    ProgressBar(PrintStream out, long total) {
        this.out = out;
        this.total = total;
    }

    synchronized void update(long done, long failed) {
        long now = System.nanoTime();
        long interval = terminal ? 200_000_000L : 5_000_000_000L;
        if (done < total && now - lastDraw < interval) {
            return;
        }
        lastDraw = now;
        double seconds = Math.max((now - started) / 1e9, 1e-3);
        double rate = done / seconds;
        long left = rate > 0 ? Math.round((total - done) / rate) : -1;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String bar = "█".repeat(filled) + "░".repeat(WIDTH - filled);
        String line = String.format(Locale.ROOT, "%s %d/%d  %.1f 个/秒  剩余 %s  失败 %d",
                bar, done, total, rate, left < 0 ? "--" : formatSeconds(left), failed);
        if (terminal) {
            out.print("\r" + line);
            if (done >= total) {
                out.println();
            }
        } else {
            out.println(line);
        }
        out.flush();
    }

    private static String formatSeconds(long s) {
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
