package eu.eurocities.site.serve;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * CPU time of {@code serve}'s rebuild after a city edit, in one warm JVM: drives {@code IncrementalBuild} (package
 * private, so this file is compiled into its package) through population edits of one city and prints the medians
 * of wall and process CPU time per rebuild (all threads, the garbage collector's too). With {@code -Djfr=FILE} it
 * records the measured edits with JFR's profile settings. Where the jar's rebuild reports milliseconds by stage, it
 * prints the median of each.
 *
 * <pre>
 * ./mvnw -q -DskipTests package
 * javac -d /tmp/rebuild-cpu -cp target/eurocities-site.jar bench/RebuildCpu.java
 * java -cp /tmp/rebuild-cpu:target/eurocities-site.jar eu.eurocities.site.serve.RebuildCpu DIR synthcity-5002 10 25
 * </pre>
 *
 * Arguments: the source folder (edited in place, restored at the end), the city's slug, the warm-up edits, the
 * measured edits, and optionally {@code template} to edit {@code templates/pages/city.jte} instead of the city (the
 * source folder then needs its own {@code templates/}). With {@code -Dshow} it also prints which pages the last edit
 * rendered and which files it changed.
 */
public class RebuildCpu {
    public static void main(String[] a) throws Exception {
        Path source = Path.of(a[0]);
        String city = a[1];
        int warm = Integer.parseInt(a[2]), edits = Integer.parseInt(a[3]);
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        URI url = URI.create("http://127.0.0.1:1/");
        IncrementalBuild b = new IncrementalBuild(source, url, Files.createTempDirectory("rebuild-cpu"));
        var r0 = b.run(Set.of(), true);
        if (!r0.ok()) throw new AssertionError(r0.diagnostics());
        boolean template = a.length > 4 && a[4].equals("template");
        String rel = template ? "templates/pages/city.jte" : "content/cities/" + city + ".yaml";
        Path f = source.resolve(rel);
        String orig = Files.readString(f, StandardCharsets.UTF_8);
        jdk.jfr.Recording rec = null;
        IncrementalBuild.Result last = null;
        List<Double> wall = new ArrayList<>(), cpu = new ArrayList<>();
        java.util.Map<String, List<Long>> stages = new java.util.LinkedHashMap<>();
        for (int i = 0; i < warm + edits; i++) {
            String text = template
                ? orig.replace("<h1>${page.city().name()}</h1>", "<h1>${page.city().name()}</h1><p>edit " + i + "</p>")
                : orig.replaceFirst("(?m)^population: *(\\d+)", "population: " + (100000 + i * 7));
            Files.writeString(f, text, StandardCharsets.UTF_8);
            long c0 = os.getProcessCpuTime(), w0 = System.nanoTime();
            var r = b.run(Set.of(rel), false);
            long w1 = System.nanoTime(), c1 = os.getProcessCpuTime();
            if (!r.ok()) throw new AssertionError(r.diagnostics());
            last = r;
            if (i == warm - 1 && System.getProperty("jfr") != null) {
                rec = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
                // these events of the profile settings cost more CPU than some stages measured
                for (String e : List.of("jdk.PromoteObjectInNewPLAB", "jdk.PromoteObjectOutsidePLAB",
                        "jdk.ObjectAllocationSample", "jdk.OldObjectSample")) {
                    rec.disable(e);
                }
                rec.start();
            }
            if (i >= warm) {
                wall.add((w1 - w0) / 1e6);
                cpu.add((c1 - c0) / 1e6);
                stages(r).forEach((k, v) -> stages.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
        }
        Files.writeString(f, orig, StandardCharsets.UTF_8);
        if (System.getProperty("show") != null) {
            System.out.println("last edit rendered " + last.rendered() + "\n  changed " + last.changed());
        }
        if (rec != null) { rec.stop(); rec.dump(Path.of(System.getProperty("jfr"))); }
        Collections.sort(wall); Collections.sort(cpu);
        System.out.printf("wall median %.1f ms  cpu median %.1f ms  (wall min %.1f)  load %s%n",
            wall.get(wall.size() / 2), cpu.get(cpu.size() / 2), wall.get(0),
            os.getSystemLoadAverage());
        stages.forEach((k, v) -> {
            Collections.sort(v);
            System.out.printf("  %s %d ms%n", k, v.get(v.size() / 2));
        });
    }

    /** The run's milliseconds by stage, where the jar's rebuild tells them (empty for a jar that does not). */
    @SuppressWarnings("unchecked")
    static java.util.Map<String, Long> stages(Object result) {
        try {
            return (java.util.Map<String, Long>) result.getClass().getMethod("timings").invoke(result);
        } catch (ReflectiveOperationException e) {
            return java.util.Map.of();
        }
    }
}
