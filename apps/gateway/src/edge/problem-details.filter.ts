import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@junction/telemetry';
import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, toProblem } from './problem-details';
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
    if (problem.status >= 500) {
      this.logger.error({ err: exception, status: problem.status }, 'request failed');
    }
    void reply
      .status(problem.status)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send({ ...problem, traceId: reply.getHeader(TRACE_ID_HEADER) ?? '' });
  }
}
