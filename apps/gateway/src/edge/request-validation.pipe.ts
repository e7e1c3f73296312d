import { BadRequestException, ValidationPipe, type ValidationError } from '@nestjs/common';

/** `items[0].quantity: quantity must not be greater than 1000` for nested errors. */
function flatten(errors: readonly ValidationError[], parent = ''): string[] {
  return errors.flatMap((error) => {
    const path = /^\d+$/.test(error.property)
      ? `${parent}[${error.property}]`
      : parent
        ? `${parent}.${error.property}`
        : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => `${path}: ${message}`);
    return [...own, ...flatten(error.children ?? [], path)];
  });
}

/**
 * Validates request bodies against their DTO classes: wrong types, missing
 * fields and unknown fields are all 400, listing every problem.
 */
export const requestValidationPipe = () =>
  new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) =>
      new BadRequestException({
        message: 'request body is invalid',
        reason: 'INVALID_REQUEST',
        errors: flatten(errors),
      }),
  });
