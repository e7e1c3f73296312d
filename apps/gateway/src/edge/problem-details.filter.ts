import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@junction/telemetry';
import type { FastifyReply } from 'fastify';
import { GrpcCallError } from '@junction/grpc-client';
import { PROBLEM_CONTENT_TYPE, retryAfterSeconds, toProblem } from './problem-details';
import { TRACE_ID_HEADER } from './trace-id.header';

/**
 * Every error leaves the gateway as application/problem+json with the trace
 * id, so a consumer can quote one id and ops find the whole story.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = toProblem(exception);
    if (exception instanceof GrpcCallError && exception.local) {
      // A policy's fast refusal (breaker open, shed, budget spent) is the
      // system working; under an outage it happens per request.
      this.logger.debug({ reason: exception.reason, status: problem.status }, exception.message);
    } else if (problem.status >= 500) {
      this.logger.error({ err: exception, status: problem.status }, 'request failed');
    }
    const retryAfter = retryAfterSeconds(exception, problem.status);
    if (retryAfter !== undefined && !reply.hasHeader('retry-after')) {
      void reply.header('retry-after', String(retryAfter));
    }
    void reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...problem, traceId: reply.getHeader(TRACE_ID_HEADER) ?? '' });
  }
}
