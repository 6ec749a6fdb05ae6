package se.samverka.command.web;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import se.samverka.kernel.access.Revocations;
import se.samverka.kernel.access.TokenCodec;

@Configuration(proxyBeanMethods = false)
class CommandWebConfiguration implements WebMvcConfigurer {
    private final TokenCodec tokens;
    private final Revocations revocations;

    CommandWebConfiguration(TokenCodec tokens, Revocations revocations) {
        this.tokens = tokens;
        this.revocations = revocations;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new CommandCallerResolver(tokens, revocations));
    }
}
