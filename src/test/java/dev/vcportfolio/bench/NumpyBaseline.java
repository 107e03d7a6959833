package dev.vcportfolio.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a NumPy baseline script of {@code bench/} single-threaded, echoes its lines, and reads the
 * {@code paths_per_second=<float>} line it ends with.
 */
final class NumpyBaseline {

    private NumpyBaseline() {}

    static double pathsPerSecond(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", script));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // one thread, like the per-core figure it is compared with
        builder.environment().put("OMP_NUM_THREADS", "1");
        builder.environment().put("OPENBLAS_NUM_THREADS", "1");
        double rate = Double.NaN;
        Process process = builder.start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                System.out.println("  " + line);
                if (line.startsWith("paths_per_second=")) {
                    rate = Double.parseDouble(line.substring("paths_per_second=".length()));
                }
            }
        }
        if (process.waitFor() != 0 || Double.isNaN(rate)) {
            throw new IllegalStateException(script + " failed (python3 with numpy is required)");
        }
        return rate;
    }
}
