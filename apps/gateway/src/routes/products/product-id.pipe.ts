import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isProductId, PRODUCT_ID_RULE } from '@junction/contracts';

@Injectable()
export class ProductIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isProductId(value)) return value;
    throw new BadRequestException({
      message: `product id ${PRODUCT_ID_RULE}`,
      reason: 'INVALID_PRODUCT_ID',
    });
  }
}
