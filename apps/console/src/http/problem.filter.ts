import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@junction/telemetry';
import type { FastifyReply } from 'fastify';
import { PROBLEM_CONTENT_TYPE, toProblemView } from './problem';

/** Every error the API answers is application/problem+json; stacks stay in the log. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const problem = toProblemView(exception);
    if (problem.status >= 500) this.logger.error({ err: exception }, 'request failed');
    void reply.status(problem.status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}
