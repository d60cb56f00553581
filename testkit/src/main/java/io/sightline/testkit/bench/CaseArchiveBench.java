package io.sightline.testkit.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ./sightline bench case-archive}: fills one case (by default 20,000 observables, 20 files of
 * 1 MiB, 200 tasks with 5 logs each, 1,000 comments), then exports it to a .thar and imports it back,
 * printing each one's time, the archive's size and its rate. The hub is started on H2 unless
 * {@code --start JDBC_URL} names PostgreSQL.
 */
public final class CaseArchiveBench {
    private static final Pattern ID = Pattern.compile("\"_id\":\"(~\\d+)\"");
    private static final String PASSWORD = "bench archive password";

    private CaseArchiveBench() {}

    public static void main(String[] args) throws Exception {
        int observables = 20_000, files = 20, fileKib = 1024, tasks = 200, logsPerTask = 5, comments = 1000;
        String start = "h2", jar = "server/target/sightline-server.jar";
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--observables" -> observables = Integer.parseInt(v);
                case "--files" -> files = Integer.parseInt(v);
                case "--file-kib" -> fileKib = Integer.parseInt(v);
                case "--tasks" -> tasks = Integer.parseInt(v);
                case "--logs-per-task" -> logsPerTask = Integer.parseInt(v);
                case "--comments" -> comments = Integer.parseInt(v);
                case "--start" -> start = v;
                case "--jar" -> jar = v;
                default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --observables N --files N"
                        + " --file-kib K --tasks N --logs-per-task N --comments N --start h2|JDBC_URL --jar PATH");
            }
        }
        Path log = Files.createTempFile("sightline-bench-hub-", ".log");
        System.out.println("Starting the hub on " + (start.equals("h2") ? "H2" : start) + " (log: " + log + ")");
        try (HubProcess hub = HubProcess.start(Path.of(jar), start.equals("h2") ? null : start, List.of(), log)) {
            Client c = new Client(hub.url());
            String caseId = first(c.json("POST", "/api/v1/case", "{\"title\":\"archive bench\",\"description\":\"a full case\"}"));
            long t0 = System.nanoTime();
            fill(c, caseId, observables, files, fileKib, tasks, logsPerTask, comments);
            System.out.printf("Case filled in %.1f s: %d observables, %d files of %d KiB, %d tasks, %d logs, %d comments%n",
                    seconds(t0), observables, files, fileKib, tasks, tasks * logsPerTask, comments);
            Path archive = Files.createTempFile("bench-", ".thar");
            try {
                t0 = System.nanoTime();
                HttpResponse<Path> exported = c.http.send(c.request("/api/v1/case/" + caseId + "/export?password="
                        + PASSWORD.replace(" ", "%20")).GET().build(), HttpResponse.BodyHandlers.ofFile(archive));
                double exportSeconds = seconds(t0);
                if (exported.statusCode() != 200) throw new IllegalStateException("export refused: " + Files.readString(archive));
                double mib = Files.size(archive) / 1048576.0;
                System.out.printf("Export: %.2f s, archive %.1f MiB (%.1f MiB/s)%n", exportSeconds, mib, mib / exportSeconds);
                t0 = System.nanoTime();
                var imported = c.multipart("/api/v1/case/import", "{\"password\":\"" + PASSWORD + "\"}", "file", archive);
                double importSeconds = seconds(t0);
                if (imported.statusCode() != 200) throw new IllegalStateException("import refused: " + imported.body());
                System.out.printf("Import: %.2f s (%.1f MiB/s, %.0f observables/s)%n", importSeconds, mib / importSeconds,
                        observables / importSeconds);
            } finally {
                Files.deleteIfExists(archive);
            }
        }
    }

    private static void fill(Client c, String caseId, int observables, int files, int fileKib, int tasks, int logsPerTask,
                             int comments) throws Exception {
        for (int done = 0; done < observables; done += 1000) {
            List<String> values = new ArrayList<>();
            for (int i = done; i < Math.min(observables, done + 1000); i++) values.add("\"host-" + i + ".bench.example\"");
            c.json("POST", "/api/v1/case/" + caseId + "/observable", "{\"dataType\":\"domain\",\"ioc\":true,\"tags\":[\"bench\"],"
                    + "\"data\":[" + String.join(",", values) + "]}");
        }
        Random random = new Random(1);
        for (int i = 0; i < files; i++) {
            byte[] content = new byte[fileKib * 1024];
            random.nextBytes(content);
            Path file = Files.createTempFile("bench-file-", ".bin");
            Files.write(file, content);
            c.multipart("/api/v1/case/" + caseId + "/observable", "{\"dataType\":\"file\"}", "attachment", file);
            Files.delete(file);
        }
        for (int t = 0; t < tasks; t++) {
            String taskId = first(c.json("POST", "/api/v1/case/" + caseId + "/task", "{\"title\":\"task " + t + "\"}"));
            for (int l = 0; l < logsPerTask; l++) {
                c.json("POST", "/api/v1/task/" + taskId + "/log", "{\"message\":\"worked on step " + l + " of task " + t + "\"}");
            }
        }
        for (int i = 0; i < comments; i++) {
            c.json("POST", "/api/v1/case/" + caseId + "/comment", "{\"message\":\"comment " + i + "\"}");
        }
    }

    private static String first(String body) {
        Matcher m = ID.matcher(body);
        if (!m.find()) throw new IllegalStateException("no _id in " + body);
        return m.group(1);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    /** The admin's key on loopback; a refused request stops the benchmark. */
    private record Client(String url, HttpClient http) {
        Client(String url) {
            this(url, HttpClient.newHttpClient());
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + HubProcess.ADMIN_KEY);
        }

        String json(String method, String path, String body) throws Exception {
            var r = http.send(request(path).header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 300) throw new IllegalStateException(method + " " + path + " refused: " + r.body());
            return r.body();
        }

        HttpResponse<String> multipart(String path, String json, String part, Path file) throws Exception {
            String boundary = "bench" + UUID.randomUUID();
            String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_json\"\r\n\r\n" + json + "\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"" + part + "\"; filename=\"" + file.getFileName()
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
            var body = HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofString(head),
                    HttpRequest.BodyPublishers.ofFile(file),
                    HttpRequest.BodyPublishers.ofString("\r\n--" + boundary + "--\r\n", StandardCharsets.UTF_8));
            var r = http.send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary).POST(body).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (path.endsWith("/observable") && r.statusCode() >= 300) throw new IllegalStateException("upload refused: " + r.body());
            return r;
        }
    }
}
