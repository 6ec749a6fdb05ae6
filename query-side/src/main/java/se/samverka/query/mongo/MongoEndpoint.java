package se.samverka.query.mongo;

/**
 * Where the query side's MongoDB is: a real server in production ({@code MONGODB_URI}), or the
 * in-process wire-protocol server the application starts by default. The query side talks to
 * both through the real driver and does not care which it is.
 */
public interface MongoEndpoint {
    String connectionString();

    String database();
}
