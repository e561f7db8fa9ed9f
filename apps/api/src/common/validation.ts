import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';

function collect(errors: ValidationError[], prefix = '', into: Record<string, string[]> = {}): Record<string, string[]> {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) into[path] = Object.values(error.constraints);
    if (error.children?.length) collect(error.children, path, into);
  }
  return into;
}

/** DTO validation at the edge: unknown fields refused, and a 400 that names each failing field. */
export function hearthValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = collect(errors);
      return new BadRequestException({
        statusCode: 400,
        error: 'invalid-input',
        message: Object.entries(fields).map(([field, messages]) => `${field}: ${messages.join('; ')}`),
        fields,
      });
    },
  });
}
