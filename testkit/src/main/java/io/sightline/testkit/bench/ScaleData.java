package io.sightline.testkit.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The data of {@code bench scale}, generated from a fixed seed and written with COPY into the hub's
 * own tables: cases over three years (most closed, the recent ones open), their tags, tasks and
 * observables, and alerts with theirs. Organisations differ in size, some analysts carry more
 * cases than others, observable values repeat across cases (a few very often), tags follow a
 * Zipf law, and three made-up words are planted in titles and descriptions at 0.01 %, 1 % and 10 %
 * of the cases for the full-text search.
 */
final class ScaleData {
    static final long DAY = 86_400_000L;
    private static final long SPAN = 3 * 365 * DAY;

    /** A word planted in a share of the cases; generated text never contains q, x or z, these words all do. */
    record Term(String word, double share) {}

    static final List<Term> TERMS = List.of(new Term("quixozene", 0.0001), new Term("zaxquill", 0.01), new Term("xyloquat", 0.1));

    /** An organisation made through the API, with the logins of its analysts. */
    record Org(long id, String name, List<String> logins) {}

    record Sizes(int cases, int observables, int alerts, int tasks) {
        Sizes scaled(double factor) {
            return new Sizes(atLeast(cases * factor), atLeast(observables * factor), atLeast(alerts * factor), atLeast(tasks * factor));
        }

        private static int atLeast(double n) {
            return (int) Math.max(1, Math.round(n));
        }
    }

    static final String CASES = "case_record (id, org_id, number, title, description, severity, tlp, pap, flag, status, start_date,"
            + " end_date, assignee, summary, resolution_status, impact_status, created_by, created_at)";
    static final String ALERTS = "alert (id, org_id, type, source, source_ref, title, description, severity, alert_date, tlp, pap,"
            + " status, is_read, case_id, created_by, created_at)";
    static final String OBSERVABLES = "observable (id, org_id, case_id, alert_id, data_type, data, data_key, tlp, pap, ioc, sighted,"
            + " start_date, created_by, created_at)";
    static final String TASKS = "task (id, org_id, case_id, title, task_group, description, status, task_order, assignee, start_date,"
            + " end_date, created_by, created_at)";
    static final String TAGS = "entity_tag (entity, entity_id, tag)";
    static final List<String> TABLES = List.of("case_record", "alert", "observable", "task", "entity_tag");

    private static final String[] DATA_TYPES = {"ip", "domain", "hash", "url", "mail"};
    private static final double[] DATA_TYPE_SHARES = {0.30, 0.25, 0.20, 0.15, 0.10};
    private static final String[] CATEGORIES = {"Phishing email reported by", "Malware detected on", "Suspicious login to",
        "Brute force against", "Data exfiltration from", "Ransomware note on", "Unusual process tree on", "Beaconing from",
        "Privilege escalation on", "Credential dumping on", "Lateral movement to", "Web shell found on", "Policy violation by",
        "Vulnerability exploited on", "DNS tunnelling from", "Impossible travel for"};
    private static final String[] RESOLUTIONS = {"TruePositive", "FalsePositive", "Duplicated", "Indeterminate", "Other"};
    private static final double[] RESOLUTION_SHARES = {0.30, 0.40, 0.10, 0.15, 0.05};
    private static final String[] TASK_TITLES = {"Triage", "Collect evidence", "Containment", "Eradication", "Recovery",
        "Notify stakeholders", "Lessons learned"};
    private static final String[] ALERT_TYPES = {"misp", "siem", "edr", "mail-gateway"};
    private static final String[] TAG_KINDS = {"malware", "actor", "campaign", "technique", "sector", "country", "tool", "source"};
    private static final int TAG_COUNT = 300;
    private static final int WORD_COUNT = 3000;

    final Sizes sizes;
    final List<Org> orgs;
    /** The moment the data is generated for: the newest case and alert are just before it. */
    final long now;
    private final String[] words = words();
    private final String[] tags = tags();
    private final double[] tagWeights = zipf(TAG_COUNT);
    private final MessageDigest sha256 = sha256();
    private final long[] casesPerOrg;
    private int[][] caseIdsByOrg;

    ScaleData(Sizes sizes, List<Org> orgs, long now) {
        this.sizes = sizes;
        this.orgs = orgs;
        this.now = now;
        this.casesPerOrg = new long[orgs.size()];
    }

    /** Writes every row through {@code out}; returns the number of rows per table in {@link #TABLES} order. */
    long[] write(CopyWriter out) throws Exception {
        SplittableRandom rnd = new SplittableRandom(42);
        long[] rows = new long[5];
        List<int[]> ids = new ArrayList<>();
        for (int o = 0; o < orgs.size(); o++) ids.add(new int[16]);
        int[] idCounts = new int[orgs.size()];
        long observableId = 0, taskId = 0;
        int caseObservables = (int) Math.round(sizes.observables * 0.9);
        double observablesPerCase = (double) caseObservables / sizes.cases;
        double tasksPerCase = (double) sizes.tasks / sizes.cases;
        for (int i = 1; i <= sizes.cases; i++) {
            int org = skewed(rnd, orgs.size(), 1.5);
            Org o = orgs.get(org);
            long number = ++casesPerOrg[org];
            if (idCounts[org] == ids.get(org).length) ids.set(org, Arrays.copyOf(ids.get(org), idCounts[org] * 2));
            ids.get(org)[idCounts[org]++] = i;
            long created = now - SPAN + (long) ((i - 1 + rnd.nextDouble()) * SPAN / sizes.cases);
            String status = caseStatus(rnd, now - created);
            boolean closed = !status.equals("New") && !status.equals("InProgress");
            String assignee = rnd.nextDouble() < 0.04 ? null : o.logins().get(skewed(rnd, o.logins().size(), 1.6));
            String creator = o.logins().get(rnd.nextInt(o.logins().size()));
            Long end = closed ? Math.min(now - 1, created + (long) (rnd.nextDouble() * 20 * DAY)) : null;
            String title = CATEGORIES[rnd.nextInt(CATEGORIES.length)] + " " + host(rnd);
            String description = sentence(rnd, 25 + rnd.nextInt(20));
            for (int t = 0; t < TERMS.size(); t++) {
                if (unit(i, t + 1) >= TERMS.get(t).share()) continue;
                if (unit(i, t + 11) < 0.25) {
                    title = title + " " + TERMS.get(t).word();
                } else {
                    description = plant(description, TERMS.get(t).word(), rnd);
                }
            }
            out.row(CASES, i, o.id(), number, title, description, 1 + pick(rnd, new double[] {0.2, 0.45, 0.25, 0.1}),
                    rnd.nextInt(4), rnd.nextInt(4), rnd.nextDouble() < 0.03 ? "t" : "f", status, created, end, assignee,
                    closed ? "Closed after review: " + sentence(rnd, 8) : null, closed ? status : null,
                    closed ? (rnd.nextBoolean() ? "NoImpact" : "NotApplicable") : null, creator, created);
            rows[0]++;
            rows[4] += tagRows(out, rnd, "case", i, 1 + rnd.nextInt(3) - (rnd.nextDouble() < 0.2 ? 1 : 0));
            int observables = (int) (rnd.nextDouble() * (2 * observablesPerCase + 1));
            for (String[] v : values(rnd, observables)) {
                out.row(OBSERVABLES, ++observableId, o.id(), i, null, v[0], v[1], key(v[1]), 2, 2, rnd.nextDouble() < 0.2 ? "t" : "f",
                        "f", created, creator, created + 60_000);
            }
            int tasks = (int) (rnd.nextDouble() * (2 * tasksPerCase + 1));
            for (int k = 0; k < tasks; k++) {
                String taskStatus = closed ? (rnd.nextDouble() < 0.9 ? "Completed" : "Cancel")
                        : new String[] {"Waiting", "InProgress", "Completed"}[rnd.nextInt(3)];
                String owner = rnd.nextDouble() < 0.8 ? assignee : o.logins().get(rnd.nextInt(o.logins().size()));
                long taskCreated = created + (k + 1) * 60_000L;
                out.row(TASKS, ++taskId, o.id(), i, TASK_TITLES[k % TASK_TITLES.length], "default", sentence(rnd, 10), taskStatus, k,
                        owner, taskStatus.equals("Waiting") ? null : taskCreated, end, creator, taskCreated);
            }
            rows[3] += tasks;
            rows[2] += observables;
        }
        caseIdsByOrg = new int[orgs.size()][];
        for (int o = 0; o < orgs.size(); o++) caseIdsByOrg[o] = Arrays.copyOf(ids.get(o), idCounts[o]);
        double observablesPerAlert = (double) (sizes.observables - caseObservables) / sizes.alerts;
        for (int j = 1; j <= sizes.alerts; j++) {
            rows[1]++;
            int observables = alert(out, rnd, j, observablesPerAlert, observableId);
            observableId += observables;
            rows[2] += observables;
            rows[4] += tagRows(out, rnd, "alert", j, rnd.nextInt(3));
        }
        out.flush(CASES, ALERTS, OBSERVABLES, TASKS, TAGS);
        return rows;
    }

    /** One alert and its observables; returns the number of observables written. */
    private int alert(CopyWriter out, SplittableRandom rnd, int j, double observablesPerAlert, long lastObservableId) throws Exception {
        int org = skewed(rnd, orgs.size(), 1.5);
        Org o = orgs.get(org);
        long date = now - SPAN + (long) ((j - 1 + rnd.nextDouble()) * SPAN / sizes.alerts);
        double u = rnd.nextDouble();
        boolean recent = now - date < 2 * DAY;
        String status = recent ? (u < 0.85 ? "New" : u < 0.95 ? "Ignored" : "Imported") : (u < 0.08 ? "New" : u < 0.58 ? "Ignored" : "Imported");
        int[] cases = caseIdsByOrg[org];
        Integer caseId = status.equals("Imported") && cases.length > 0 ? cases[rnd.nextInt(cases.length)] : null;
        if (caseId == null && status.equals("Imported")) status = "Ignored";
        String type = ALERT_TYPES[rnd.nextInt(ALERT_TYPES.length)];
        out.row(ALERTS, j, o.id(), type, type + "-source", "ref-" + j, CATEGORIES[rnd.nextInt(CATEGORIES.length)] + " " + host(rnd),
                sentence(rnd, 15), 1 + pick(rnd, new double[] {0.2, 0.45, 0.25, 0.1}), date, rnd.nextInt(4), rnd.nextInt(4), status,
                status.equals("New") ? "f" : "t", caseId, type + "@connector", date + 5_000);
        List<String[]> values = values(rnd, (int) (rnd.nextDouble() * (2 * observablesPerAlert + 1)));
        long id = lastObservableId;
        for (String[] v : values) {
            out.row(OBSERVABLES, ++id, o.id(), null, j, v[0], v[1], key(v[1]), 2, 2, "f", "f", date, type + "@connector", date + 5_000);
        }
        return values.size();
    }

    /** {@code count} distinct tags of one record. */
    private int tagRows(CopyWriter out, SplittableRandom rnd, String entity, long id, int count) throws Exception {
        Set<String> chosen = new HashSet<>();
        for (int k = 0; k < count; k++) chosen.add(tag(rnd));
        for (String tag : chosen) out.row(TAGS, entity, id, tag);
        return chosen.size();
    }

    /** A tag as often as records carry it (a few tags on many records, most on few). */
    String tag(SplittableRandom rnd) {
        return tags[pick(rnd, tagWeights)];
    }

    /** {@code count} observables of one case or alert, no value twice: {dataType, data}. */
    private List<String[]> values(SplittableRandom rnd, int count) {
        List<String[]> out = new ArrayList<>(count);
        Set<String> seen = new HashSet<>();
        while (out.size() < count) {
            String[] v = value(rnd);
            if (seen.add(v[0] + v[1])) out.add(v);
        }
        return out;
    }

    /** An observable value as often as it occurs: a few values are in thousands of cases, most in a handful. */
    String[] value(SplittableRandom rnd) {
        int type = pick(rnd, DATA_TYPE_SHARES);
        int pool = (int) Math.max(100, sizes.observables * DATA_TYPE_SHARES[type] * 0.25);
        int index = (int) (pool * Math.pow(rnd.nextDouble(), 3));
        return new String[] {DATA_TYPES[type], data(type, index)};
    }

    private String data(int type, int index) {
        String word = words[index % WORD_COUNT];
        return switch (type) {
            case 0 -> "10." + (index >> 16 & 255) + "." + (index >> 8 & 255) + "." + (index & 255);
            case 1 -> word + index + ".example.net";
            case 2 -> key("sample " + index);
            case 3 -> "https://" + word + index + ".example.org/download/" + index;
            default -> word + "." + index + "@mail.example.com";
        };
    }

    private String key(String data) {
        return HexFormat.of().formatHex(sha256.digest(data.getBytes(StandardCharsets.UTF_8)));
    }

    private static String caseStatus(SplittableRandom rnd, long age) {
        double u = rnd.nextDouble();
        double newShare = age < 30 * DAY ? 0.35 : age < 180 * DAY ? 0.03 : 0.005;
        double progressShare = age < 30 * DAY ? 0.45 : age < 180 * DAY ? 0.12 : 0.015;
        if (u < newShare) return "New";
        if (u < newShare + progressShare) return "InProgress";
        return RESOLUTIONS[pick(rnd, RESOLUTION_SHARES)];
    }

    private String host(SplittableRandom rnd) {
        return rnd.nextBoolean() ? "srv-" + words[rnd.nextInt(WORD_COUNT)] + "-" + rnd.nextInt(500) : "user " + words[rnd.nextInt(WORD_COUNT)];
    }

    /** Words drawn as in prose: a few very common, most rare. */
    private String sentence(SplittableRandom rnd, int length) {
        StringBuilder s = new StringBuilder(length * 8);
        for (int w = 0; w < length; w++) {
            if (w > 0) s.append(' ');
            s.append(words[(int) (WORD_COUNT * Math.pow(rnd.nextDouble(), 2.5))]);
        }
        return s.append('.').toString();
    }

    private static String plant(String text, String word, SplittableRandom rnd) {
        int at = text.indexOf(' ', rnd.nextInt(text.length()));
        return at < 0 ? text + " " + word : text.substring(0, at) + " " + word + text.substring(at);
    }

    /** 0 .. n-1, small values more often the larger {@code skew} is (1 = uniform). */
    private static int skewed(SplittableRandom rnd, int n, double skew) {
        return Math.min(n - 1, (int) (n * Math.pow(rnd.nextDouble(), skew)));
    }

    private static int pick(SplittableRandom rnd, double[] weights) {
        double u = rnd.nextDouble() * total(weights);
        for (int k = 0; k < weights.length; k++) {
            u -= weights[k];
            if (u < 0) return k;
        }
        return weights.length - 1;
    }

    private static double total(double[] weights) {
        double sum = 0;
        for (double w : weights) sum += w;
        return sum;
    }

    /** A number in [0, 1) fixed by the record and a salt: which cases carry a planted word does not depend on the rest. */
    private static double unit(long i, int salt) {
        long z = i * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    private static double[] zipf(int n) {
        double[] w = new double[n];
        for (int k = 0; k < n; k++) w[k] = 1.0 / (k + 1);
        return w;
    }

    /** Pronounceable made-up words without q, x or z. */
    private static String[] words() {
        String[] syllables = {"ba", "de", "ki", "lo", "mu", "ne", "ra", "si", "to", "vu", "pe", "ga", "ho", "ju", "wi", "fe", "ce", "dy",
            "man", "tor", "len", "ris", "bol", "cap", "ser", "vin"};
        SplittableRandom rnd = new SplittableRandom(7);
        Set<String> out = new java.util.LinkedHashSet<>();
        while (out.size() < WORD_COUNT) {
            StringBuilder w = new StringBuilder();
            for (int s = 2 + rnd.nextInt(3); s > 0; s--) w.append(syllables[rnd.nextInt(syllables.length)]);
            out.add(w.toString());
        }
        return out.toArray(String[]::new);
    }

    private String[] tags() {
        String[] out = new String[TAG_COUNT];
        for (int k = 0; k < TAG_COUNT; k++) out[k] = TAG_KINDS[k % TAG_KINDS.length] + ":" + words[k * 7 % WORD_COUNT];
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** After the rows: observables' alerts checked, identity sequences past the written ids, each organisation's next case number. */
    void finish(Connection db) throws Exception {
        try (Statement s = db.createStatement()) {
            try (var orphans = s.executeQuery("SELECT COUNT(*) FROM observable o WHERE o.alert_id IS NOT NULL"
                    + " AND NOT EXISTS (SELECT 1 FROM alert a WHERE a.id = o.alert_id)")) {
                orphans.next();
                if (orphans.getLong(1) > 0) throw new IllegalStateException(orphans.getLong(1) + " observables of alerts that do not exist");
            }
            for (String table : List.of("case_record", "alert", "observable", "task")) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), GREATEST(1, (SELECT MAX(id) FROM " + table + ")))");
            }
            for (int o = 0; o < orgs.size(); o++) {
                s.execute("UPDATE organisation SET next_case_number = " + (casesPerOrg[o] + 1) + " WHERE id = " + orgs.get(o).id());
            }
        }
    }
}
