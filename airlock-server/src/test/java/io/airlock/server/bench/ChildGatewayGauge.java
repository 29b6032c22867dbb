package io.airlock.server.bench;

import io.airlock.server.support.ChildGateway;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads a gateway in its own JVM from outside, as an operator would: live heap with {@code jcmd}'s class
 * histogram (it collects fully first, so what it counts is what is still reachable), threads, memory and
 * open files from {@code /proc}. The clients of a load run live in another JVM, so none of this is theirs.
 */
final class ChildGatewayGauge implements LoadRun.Gateway {

    private final ChildGateway gateway;

    ChildGatewayGauge(ChildGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public int port() {
        return gateway.port();
    }

    @Override
    public long liveHeapBytes() {
        String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        try {
            Process process = new ProcessBuilder(jcmd, Long.toString(gateway.pid()), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            // The last line: "Total <instances> <bytes>".
            List<String> lines = output.lines().filter(l -> l.startsWith("Total")).toList();
            if (lines.isEmpty()) {
                throw new IllegalStateException("jcmd printed no class histogram: " + output);
            }
            String[] fields = lines.getLast().trim().split("\\s+");
            return Long.parseLong(fields[2]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Map<String, Long> processFigures() {
        Path proc = Path.of("/proc", Long.toString(gateway.pid()));
        Map<String, Long> figures = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(proc.resolve("status"))) {
                if (line.startsWith("Threads:")) {
                    figures.put("threads", Long.parseLong(line.substring(8).trim()));
                } else if (line.startsWith("VmRSS:")) {
                    figures.put("resident MB", Long.parseLong(line.substring(6).replace("kB", "").trim()) / 1024);
                }
            }
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                figures.put("open files", fds.count());
            }
        } catch (IOException e) {
            figures.put("(process gone)", 1L);
        }
        return figures;
    }
}
