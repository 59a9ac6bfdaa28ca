package io.meshplane.api;

import io.meshplane.catalog.EntityIds;
import io.meshplane.problem.ProblemException;
import io.meshplane.schema.RegisteredSchema;
import io.meshplane.schema.SchemaRegistration;
import io.meshplane.schema.SchemaRegistry;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code /v1/schemas}: register a version ({@code POST …/{subject}/versions}), read one
 * ({@code …/versions/{n|latest}}), list a subject's versions and the subjects.
 */
final class SchemaHandler {
  private static final String LATEST = "latest";

  private final SchemaRegistry registry;

  SchemaHandler(SchemaRegistry registry) {
    this.registry = registry;
  }

  void register(RoutingContext ctx) {
    SchemaRegistration registration = SchemaRegistration.parse(ctx.pathParam("subject"), ctx.body().buffer());
    registry.register(registration)
        .onSuccess(registered -> ctx.response()
            .setStatusCode(registered.created() ? 201 : 200)
            .putHeader(Headers.LOCATION, ctx.request().path() + "/" + registered.schema().version())
            .putHeader(Headers.CONTENT_TYPE, Headers.APPLICATION_JSON)
            .end(registered.schema().toRegistrationJson().toBuffer()))
        .onFailure(ctx::fail);
  }

  void getVersion(RoutingContext ctx) {
    String subject = subject(ctx);
    String segment = ctx.pathParam("version");
    Future<RegisteredSchema> schema = LATEST.equals(segment)
        ? registry.latest(subject)
        : registry.version(subject, version(segment));
    schema.onSuccess(found -> Replies.json(ctx, 200, found.toJson())).onFailure(ctx::fail);
  }

  void listVersions(RoutingContext ctx) {
    String subject = subject(ctx);
    registry.versions(subject)
        .onSuccess(versions -> Replies.json(ctx, 200, new JsonObject().put("subject", subject).put("versions",
            new JsonArray(versions))))
        .onFailure(ctx::fail);
  }

  void listSubjects(RoutingContext ctx) {
    registry.subjects()
        .onSuccess(subjects -> Replies.json(ctx, 200, new JsonObject().put("subjects", new JsonArray(subjects))))
        .onFailure(ctx::fail);
  }

  private static String subject(RoutingContext ctx) {
    return EntityIds.require("schema subject", ctx.pathParam("subject"));
  }

  private static int version(String segment) {
    if (segment.matches("[1-9][0-9]{0,9}")) {
      long version = Long.parseLong(segment);
      if (version <= Integer.MAX_VALUE) {
        return (int) version;
      }
    }
    throw ProblemException.badRequest("version must be a positive integer or 'latest', not '" + segment + "'");
  }
}
