import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isOrderId, ORDER_ID_RULE } from '@junction/contracts';

/** Order ids are 63-bit, time-ordered ids written as decimal strings. */
@Injectable()
export class OrderIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isOrderId(value)) return value;
    throw new BadRequestException({
      message: `order id ${ORDER_ID_RULE}`,
      reason: 'INVALID_ORDER_ID',
    });
  }
}
