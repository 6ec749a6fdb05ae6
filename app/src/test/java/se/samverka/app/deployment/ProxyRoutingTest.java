package se.samverka.app.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

/**
 * The compose proxy (deploy/nginx/samverka.conf) sends every endpoint to the node whose role
 * has it: read by method (GET and HEAD to the query nodes, the rest to the command node) with
 * the command side's own reads listed by path. This test reads those paths from the file and
 * checks every mapping of both sides' controllers against the rule, so a new command-side GET
 * fails here until the proxy learns it.
 */
class ProxyRoutingTest {
    private static final Pattern COMMAND_LOCATION =
            Pattern.compile("location\\s+~\\s+(\\S+)\\s*\\{[^}]*proxy_pass\\s+http://command;[^}]*}");

    record Endpoint(String side, RequestMethod method, String path) {
    }

    @Test
    void everyEndpointIsRoutedToTheRoleThatServesIt() throws Exception {
        String conf = Files.readString(proxyConf(), StandardCharsets.UTF_8);
        assertThat(conf).containsPattern("map \\$request_method \\$samverka_api \\{\\s*GET\\s+query;\\s*HEAD\\s+query;"
                + "\\s*default\\s+command;\\s*}");
        assertThat(conf).containsPattern("location /api/ \\{\\s*proxy_pass http://\\$samverka_api;");
        assertThat(conf).containsPattern("location /ws \\{\\s*proxy_pass http://query;");
        List<Pattern> commandReads = new ArrayList<>();
        Matcher location = COMMAND_LOCATION.matcher(conf);
        while (location.find()) {
            commandReads.add(Pattern.compile(location.group(1)));
        }
        assertThat(commandReads).as("command-side reads listed in the proxy").isNotEmpty();

        List<Endpoint> endpoints = new ArrayList<>();
        endpoints.addAll(endpoints("command", "se.samverka.command"));
        endpoints.addAll(endpoints("query", "se.samverka.query"));
        assertThat(endpoints).extracting(Endpoint::side).contains("command", "query");
        for (Endpoint endpoint : endpoints) {
            String concrete = endpoint.path().replaceAll("\\{[^}]+}", "x1");
            String routed;
            if (commandReads.stream().anyMatch(read -> read.matcher(concrete).matches())) {
                routed = "command";
            } else {
                routed = endpoint.method() == RequestMethod.GET || endpoint.method() == RequestMethod.HEAD
                        ? "query" : "command";
            }
            assertThat(routed).as("%s %s", endpoint.method(), endpoint.path()).isEqualTo(endpoint.side());
        }
    }

    private static List<Endpoint> endpoints(String side, String basePackage) throws ClassNotFoundException {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(RestController.class));
        List<Endpoint> endpoints = new ArrayList<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
            Class<?> controller = Class.forName(candidate.getBeanClassName());
            RequestMapping prefix = AnnotatedElementUtils.findMergedAnnotation(controller, RequestMapping.class);
            String[] prefixes = prefix == null || prefix.path().length == 0 ? new String[] {""} : prefix.path();
            for (Method method : controller.getDeclaredMethods()) {
                RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                if (mapping == null) {
                    continue;
                }
                String[] paths = mapping.path().length == 0 ? new String[] {""} : mapping.path();
                for (RequestMethod verb : mapping.method()) {
                    for (String start : prefixes) {
                        for (String path : paths) {
                            endpoints.add(new Endpoint(side, verb, start + path));
                        }
                    }
                }
            }
        }
        return endpoints;
    }

    private static Path proxyConf() throws IOException {
        for (Path candidate : List.of(Path.of("..", "deploy", "nginx", "samverka.conf"),
                Path.of("deploy", "nginx", "samverka.conf"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IOException("deploy/nginx/samverka.conf not found from " + Path.of("").toAbsolutePath());
    }
}
