import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** RFC 9457 problem details, for the OpenAPI document. */
export class ProblemView {
  @ApiProperty({ example: 'about:blank' })
  type!: string;
  @ApiProperty({ example: 'Not Found' })
  title!: string;
  @ApiProperty({ example: 404 })
  status!: number;
  @ApiProperty({ example: 'product 5000 not found' })
  detail!: string;
  @ApiProperty({ example: '4bf92f3577b34da6a3ce929d0e0e4736' })
  traceId!: string;
  @ApiPropertyOptional({ example: 'PRODUCT_NOT_FOUND' })
  reason?: string;
  @ApiPropertyOptional({
    type: [String],
    example: ['items[0].quantity: quantity must not be greater than 1000'],
  })
  errors?: string[];
}
