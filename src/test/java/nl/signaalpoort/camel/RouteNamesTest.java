package nl.signaalpoort.camel;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import nl.signaalpoort.routing.DeliveryType;
import org.junit.jupiter.api.Test;

/** Every name a YAML route shares with Java is declared once, in {@link Routes}, and every declared name is used. */
class RouteNamesTest {

    private static final Pattern PROPERTY = Pattern.compile("exchangeProperty\\.([A-Za-z]+)");

    /** Everything in the route files, as one tree per file. */
    private static List<JsonNode> routeFiles() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<JsonNode> trees = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".camel.yaml")).sorted().toList()) {
                trees.add(yaml.readTree(file.toFile()));
            }
        }
        return trees;
    }

    private static Set<String> declared() throws IllegalAccessException {
        Set<String> names = new HashSet<>();
        for (Field field : Routes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                names.add((String) field.get(null));
            }
        }
        return names;
    }

    /** Walks a tree, handing every (key, value) pair of every object to {@code visit}. */
    private static void walk(JsonNode node, java.util.function.BiConsumer<String, JsonNode> visit) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                visit.accept(e.getKey(), e.getValue());
                walk(e.getValue(), visit);
            }
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, visit));
        }
    }

    @Test
    void everyNameTheRoutesShareWithJavaIsDeclaredOnce() throws Exception {
        Set<String> used = new HashSet<>();
        for (JsonNode tree : routeFiles()) {
            for (JsonNode item : tree) {
                if (item.has("route")) {
                    used.add(item.get("route").get("id").asText());
                }
            }
            walk(tree, (key, value) -> {
                if ((key.equals("ref")) && value.isTextual()) {
                    used.add(value.asText());
                }
                if (key.equals("uri") && value.asText().startsWith("direct:")) {
                    used.add(value.asText());
                }
                if (key.equals("uri") && value.asText().startsWith(Routes.SINGLETON_PREFIX)) {
                    used.add(Routes.SINGLETON_PREFIX);
                    used.add(Routes.SINGLETON_NAMESPACE);
                }
                if (key.equals("uri") && value.asText().startsWith("cxf:bean:")) {
                    used.add(value.asText().substring("cxf:bean:".length()));
                }
                if (key.equals("setProperty")) {
                    used.add(value.get("name").asText());
                }
                if (value.isTextual()) {
                    Matcher m = PROPERTY.matcher(value.asText());
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            });
        }
        Set<String> declared = declared();
        for (DeliveryType type : DeliveryType.values()) {
            declared.add(Routes.deliverUri(type));
        }

        assertThat(declared).containsAll(used);
        // And the other way round: nothing declared that no route uses, but for the names Java alone builds routes with.
        Set<String> onlyJava = Set.of(Routes.SFTP_INBOX_PREFIX, Routes.SFTP_OUTCOMES_PREFIX, Routes.OUTCOME_FILE_INTAKE, Routes.BATCH_FILES_CONFIGURATION, Routes.BATCH_FILE_INTAKE, Routes.SFTP_POLL_PREFIX, Routes.SFTP_RETURN_PREFIX, Routes.DELIVER_URI_PREFIX,
                Routes.DELIVER_TO_PREFIX, Routes.NO_AUTOMATIC_RETRIES, Routes.ROUTE_ACTIVITY, Routes.CLIENT_TLS);
        Set<String> unused = new HashSet<>(declared);
        unused.removeAll(used);
        unused.removeAll(onlyJava);
        assertThat(unused).isEmpty();
    }

    @Test
    void everyDeliveryTypeHasItsRoute() throws Exception {
        Set<String> froms = new HashSet<>();
        for (JsonNode tree : routeFiles()) {
            for (JsonNode item : tree) {
                if (item.has("route")) {
                    froms.add(item.get("route").get("from").get("uri").asText());
                }
            }
        }
        assertThat(froms).containsAll(Arrays.stream(DeliveryType.values()).map(Routes::deliverUri).toList());
    }

    @Test
    void exactlyTheSingletonRoutesConsumeOnTheLeaderOnly() throws Exception {
        Set<String> onLeader = new HashSet<>();
        for (JsonNode tree : routeFiles()) {
            for (JsonNode item : tree) {
                if (item.has("route") && item.get("route").get("from").get("uri").asText().startsWith(Routes.SINGLETON_PREFIX)) {
                    onLeader.add(item.get("route").get("id").asText());
                }
            }
        }
        assertThat(onLeader).isEqualTo(Routes.SINGLETON_ROUTES);
        assertThat(Routes.singleton("timer:x")).isEqualTo("master:" + Routes.SINGLETON_NAMESPACE + ":timer:x");
    }
}
