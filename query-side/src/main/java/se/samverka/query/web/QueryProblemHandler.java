package se.samverka.query.web;

import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import se.samverka.kernel.problem.DomainException;

/** Turns every refusal of the query side into an RFC 9457 problem; never a stack trace. */
@RestControllerAdvice(basePackages = "se.samverka.query")
public class QueryProblemHandler extends ResponseEntityExceptionHandler {
    private static final String TYPE_BASE = "https://samverka.se/problems/";
    private static final Logger log = LoggerFactory.getLogger(QueryProblemHandler.class);

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        return problem(HttpStatus.valueOf(e.kind().status()), e.code(), e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected failure on the query side", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "something went wrong");
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code));
        return problem;
    }
}
