package eu.eurocities.site.load;

import eu.eurocities.site.model.Activity;
import eu.eurocities.site.model.Claims;
import eu.eurocities.site.model.ExecutiveCommittee;
import eu.eurocities.site.model.Leader;
import eu.eurocities.site.model.Network;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code content/network.yaml} into a {@link Network}. */
final class NetworkReader {
    private NetworkReader() {}

    /** The organisation's facts, or empty when a required field is missing or wrong (each problem is reported). */
    static Optional<Network> read(Fields f) {
        String name = f.requiredText("name");
        Long formation = f.requiredWholeNumber("formation");
        String type = f.requiredText("type");
        String headquarters = f.requiredText("headquarters");
        String region = f.requiredText("region");
        List<String> languages = values(f.texts("languages"));
        List<Leader> leaders = new ArrayList<>();
        for (Fields l : f.mappings("leaders")) {
            String role = l.requiredText("role");
            String person = l.requiredText("name");
            l.finish();
            if (role != null && person != null) {
                leaders.add(new Leader(role, person));
            }
        }
        List<Fields.Located<String>> founding = f.texts("founding_cities");
        Optional<ExecutiveCommittee> committee = f.mapping("executive_committee")
                .map(c -> {
                    Long cities = c.requiredWholeNumber("cities");
                    Long meetings = c.requiredWholeNumber("meetings_per_year");
                    List<String> oversees = values(c.texts("oversees"));
                    String approvedBy = c.text("approved_by");
                    c.finish();
                    return cities == null || meetings == null
                            ? null
                            : new ExecutiveCommittee(cities.intValue(), meetings.intValue(), oversees, approvedBy);
                });
        List<String> forums = values(f.texts("forums"));
        List<Activity> activities = new ArrayList<>();
        for (Fields a : f.mappings("activities")) {
            String an = a.requiredText("name");
            String summary = a.requiredText("summary");
            a.finish();
            if (an != null && summary != null) {
                activities.add(new Activity(an, summary));
            }
        }
        Claims claims = f.mapping("claims")
                .map(c -> {
                    Long members = c.wholeNumber("member_cities");
                    Long countries = c.wholeNumber("countries");
                    Long people = c.wholeNumber("people");
                    c.finish();
                    return new Claims(
                            members == null ? null : members.intValue(),
                            countries == null ? null : countries.intValue(),
                            people);
                })
                .orElse(new Claims(null, null, null));
        List<String> seeAlso = values(f.texts("see_also"));
        f.finish();
        if (name == null || formation == null || type == null || headquarters == null || region == null) {
            return Optional.empty();
        }
        return Optional.of(new Network(
                name,
                formation.intValue(),
                type,
                headquarters,
                region,
                languages,
                List.copyOf(leaders),
                values(founding),
                founding.stream().map(Fields.Located::pos).toList(),
                committee.orElse(null),
                forums,
                List.copyOf(activities),
                claims,
                f.pos("claims"),
                seeAlso));
    }

    private static List<String> values(List<Fields.Located<String>> located) {
        return located.stream().map(Fields.Located::value).toList();
    }
}
