import { Controller } from '@nestjs/common';
import { GrpcMethod } from '@nestjs/microservices';
import { reviewsV1 } from '@junction/contracts';
import { parseRequest, type GrpcHandlers } from '@junction/grpc-server';
import { ReviewSummaries } from '../domain/review-summaries';
import { getSummaryRequest } from './reviews.requests';

const SERVICE = reviewsV1.ReviewsServiceDefinition.name;

/** gRPC transport for reviews: validate, then hand to the use case. */
@Controller()
export class ReviewsController implements GrpcHandlers<reviewsV1.ReviewsServiceDefinition> {
  constructor(private readonly summaries: ReviewSummaries) {}

  @GrpcMethod(SERVICE, 'GetSummary')
  getSummary(request: reviewsV1.GetSummaryRequest): reviewsV1.GetSummaryResponse {
    const { productId } = parseRequest(getSummaryRequest, request);
    return this.summaries.summarize(productId);
  }
}
