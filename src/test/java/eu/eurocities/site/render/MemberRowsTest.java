package eu.eurocities.site.render;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.eurocities.site.TestContent;
import eu.eurocities.site.model.Content;
import eu.eurocities.site.plan.Page;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberRowsTest {
    @Test
    void everyRowInTheIndexsOrderWithTheKeyOnlyWhereTheBrowserCannotMakeIt() throws IOException {
        Content content = TestContent.real();
        List<Page> plan = TestContent.realPlan();
        JsonNode json = new ObjectMapper().readTree(MemberRows.json(plan));
        List<String> slugs = new ArrayList<>();
        json.get("rows").forEach(r -> slugs.add(r.get(0).asText()));
        Page.Members members = (Page.Members)
                plan.stream().filter(p -> p instanceof Page.Members).findFirst().orElseThrow();
        assertEquals(members.rows().stream().map(r -> r.city().slug()).toList(), slugs);
        JsonNode categories = json.get("categories");
        JsonNode oslo = json.get("rows").get(slugs.indexOf("oslo"));
        assertEquals("[\"oslo\",\"Oslo\",\"NO\"," + indexOf(categories, "associate") + ",", prefix(oslo));
        assertEquals(6, oslo.size(), "oslo norway: the browser folds name and country alike");
        JsonNode kyiv = json.get("rows").get(slugs.indexOf("kyiv"));
        assertEquals("kyiv kiyiv киів ukraine", kyiv.get(6).asText(), "the local name, not in the name");
    }

    private static int indexOf(JsonNode list, String value) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).asText().equals(value)) {
                return i;
            }
        }
        return -1;
    }

    private static String prefix(JsonNode row) {
        String s = row.toString();
        return s.substring(0, s.indexOf(',', s.indexOf("\"NO\"") + 5) + 1);
    }
}
