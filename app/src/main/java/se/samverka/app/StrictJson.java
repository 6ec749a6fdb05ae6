package se.samverka.app;

import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An empty or blank string is not a value of any other type. Jackson reads "" (and, as blank,
 * "\u0000" or "   ") for a number, a flag or an enum as absent, even with scalar coercion off
 * (application.properties): {@code "timeLimitSeconds":"\u0000"} opened a round without a time
 * limit instead of answering 400 (found by BadInputFuzzTest). Strings themselves are unaffected.
 */
@Configuration(proxyBeanMethods = false)
public class StrictJson {
    @Bean
    Jackson2ObjectMapperBuilderCustomizer emptyStringsAreNoValues() {
        return builder -> builder.postConfigurer(mapper -> mapper.coercionConfigDefaults()
                .setAcceptBlankAsEmpty(false)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
    }
}
