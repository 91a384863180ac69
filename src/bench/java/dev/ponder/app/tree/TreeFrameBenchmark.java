package dev.ponder.app.tree;

import dev.ponder.core.bench.TreeBenchmark;
import dev.ponder.core.tree.SearchTree;
import dev.ponder.core.tree.TreeOptions;
import dev.ponder.core.tree.TreeScene;
import java.util.Arrays;
import java.util.BitSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * How fluid the tree canvas is: a window shows a tree and, on every frame JavaFX renders, pans it and zooms it
 * (in to where node text shows, back out to the whole tree). Frames per second are the frames the window really
 * rendered in that time; JavaFX renders at most 60 a second. Needs a display (or Xvfb); a program of its own, as
 * the command line never loads the toolkit:
 * {@code xvfb-run -a mvn -q -Pbench test -Dbench.main=dev.ponder.app.tree.TreeFrameBenchmark -Dbench="NODES SECONDS"}.
 */
public final class TreeFrameBenchmark {
    /** Frames rendered, their rate, and how long drawing one frame took on the canvas. */
    public record Result(
            int frames,
            double seconds,
            double framesPerSecond,
            double paintMedianMs,
            double paintP95Ms,
            double paintMaxMs,
            double meanNodesDrawn) {}

    private TreeFrameBenchmark() {}

    public static void main(String[] args) throws InterruptedException {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 8;
        SearchTree tree = TreeBenchmark.tree(TreeBenchmark.Shape.MCTS, nodes, 20261123);
        Result frames = run(tree, seconds, 1280, 800);
        System.out.printf(
                java.util.Locale.ROOT,
                "Canvas 1280 x 800, %,d-node MCTS tree panned and zoomed every frame: "
                        + "%d frames in %.1f s = %.1f frames/s; drawing a frame %.1f ms median, %.1f ms 95th percentile, "
                        + "%.1f ms max; %.0f nodes in view on average%n",
                tree.size(),
                frames.frames(),
                frames.seconds(),
                frames.framesPerSecond(),
                frames.paintMedianMs(),
                frames.paintP95Ms(),
                frames.paintMaxMs(),
                frames.meanNodesDrawn());
    }

    public static Result run(SearchTree tree, double seconds, int width, int height) throws InterruptedException {
        Result[] result = new Result[1];
        CountDownLatch done = new CountDownLatch(1);
        Platform.startup(() -> {
            TreeCanvas canvas = new TreeCanvas();
            Stage stage = new Stage();
            stage.setScene(new Scene(canvas, width, height));
            stage.show();
            canvas.show(new TreeScene(tree, TreeOptions.DEFAULT.withBestPath(true), new BitSet(), -1), -1);
            canvas.fit();
            long[] paints = new long[1 << 16];
            long[] drawn = new long[1];
            new AnimationTimer() {
                private long first;
                private int frames;

                @Override
                public void handle(long now) {
                    if (first == 0) {
                        first = now;
                    }
                    // 240-frame cycle: 120 frames zooming in by 3 % each (34 times closer), 120 back out; panning all
                    // along.
                    int phase = frames % 240;
                    canvas.zoomAt(width / 2.0, height / 2.0, phase < 120 ? 1.03 : 1 / 1.03);
                    canvas.panBy(phase < 120 ? 3 : -3, phase % 60 < 30 ? 2 : -2);
                    paints[frames % paints.length] = canvas.lastPaintNanos();
                    drawn[0] += canvas.lastPaintedNodes();
                    frames++;
                    double elapsed = (now - first) / 1e9;
                    if (elapsed >= seconds) {
                        stop();
                        long[] times = Arrays.copyOf(paints, Math.min(frames, paints.length));
                        Arrays.sort(times);
                        result[0] = new Result(
                                frames,
                                elapsed,
                                frames / elapsed,
                                times[times.length / 2] / 1e6,
                                times[(int) (times.length * 0.95)] / 1e6,
                                times[times.length - 1] / 1e6,
                                (double) drawn[0] / frames);
                        stage.close();
                        done.countDown();
                    }
                }
            }.start();
        });
        if (!done.await((long) (seconds * 4 + 30), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the window rendered no frames: is there a display?");
        }
        Platform.exit();
        return result[0];
    }
}
