package io.meshplane.problem;

/** A request refused for a reason the client can act on; carried up the future chain to the HTTP edge. */
public final class ProblemException extends RuntimeException {
  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), null, false, false);
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public static ProblemException badRequest(String detail) {
    return new ProblemException(Problem.of(400, "bad-request", "Bad request", detail));
  }

  public static ProblemException notFound(String detail) {
    return new ProblemException(Problem.of(404, "not-found", "Not found", detail));
  }

  public static ProblemException conflict(String detail) {
    return new ProblemException(Problem.of(409, "conflict", "Conflict", detail));
  }

  public static ProblemException preconditionFailed(String detail) {
    return new ProblemException(Problem.of(412, "precondition-failed", "Precondition failed", detail));
  }

  public static ProblemException unprocessable(String detail) {
    return new ProblemException(Problem.of(422, "unprocessable", "Unprocessable content", detail));
  }

  public static ProblemException unavailable(String detail) {
    return new ProblemException(Problem.of(503, "unavailable", "Service unavailable", detail));
  }
}
