package se.samverka.command.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import se.samverka.kernel.access.Caller;
import se.samverka.kernel.access.Revocations;
import se.samverka.kernel.access.TokenCodec;

/**
 * Gives command handlers' web endpoints the {@link Caller} behind the bearer token, or refuses
 * with 401: also a valid token whose credential has been revoked.
 */
class CommandCallerResolver implements HandlerMethodArgumentResolver {
    private final TokenCodec tokens;
    private final Revocations revocations;

    CommandCallerResolver(TokenCodec tokens, Revocations revocations) {
        this.tokens = tokens;
        this.revocations = revocations;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return Caller.class.equals(parameter.getParameterType())
                && parameter.getContainingClass().getPackageName().startsWith("se.samverka.command");
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
                                  NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
        return revocations.requireNotRevoked(
                tokens.verifyAuthorization(webRequest.getHeader(HttpHeaders.AUTHORIZATION)));
    }
}
