import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { isProductId, PRODUCT_ID_RULE } from '@junction/contracts';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsString,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

/** The contract's product id rule as a class-validator constraint. */
const IsProductId = () =>
  ValidateBy({
    name: 'isProductId',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isProductId(value),
      defaultMessage: () => `productId ${PRODUCT_ID_RULE}`,
    },
  });

export class CreateOrderItemBody {
  @ApiProperty({
    example: '1',
    pattern: '^[1-9][0-9]{0,9}$',
    description: 'Product id, 1 to 2147483647',
  })
  @IsString()
  @IsProductId()
  productId!: string;

  @ApiProperty({ example: 2, minimum: 1, maximum: 1000 })
  @IsInt()
  @Min(1)
  @Max(1000)
  quantity!: number;
}

export class CreateOrderBody {
  @ApiProperty({ type: [CreateOrderItemBody], minItems: 1, maxItems: 50 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CreateOrderItemBody)
  items!: CreateOrderItemBody[];
}
