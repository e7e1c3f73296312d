import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface ListProductsQuery {
  readonly pageSize: number;
  readonly pageToken: string;
}

const invalid = (message: string) => new BadRequestException({ message, reason: 'INVALID_QUERY' });

/**
 * `pageSize` 1…100 (default 20) and an opaque `pageToken`. A token that is
 * well-formed here is still checked by the catalog, which issued it.
 */
@Injectable()
export class ListProductsQueryPipe
  implements PipeTransform<Record<string, unknown>, ListProductsQuery>
{
  transform(query: Record<string, unknown>): ListProductsQuery {
    const { pageSize, pageToken } = query;
    if (Array.isArray(pageSize) || Array.isArray(pageToken))
      throw invalid('pageSize and pageToken may be given once');
    let size = DEFAULT_PAGE_SIZE;
    if (pageSize !== undefined) {
      if (
        typeof pageSize !== 'string' ||
        !/^\d{1,3}$/.test(pageSize) ||
        +pageSize < 1 ||
        +pageSize > MAX_PAGE_SIZE
      ) {
        throw invalid(`pageSize must be an integer from 1 to ${MAX_PAGE_SIZE}`);
      }
      size = Number(pageSize);
    }
    const token = pageToken === undefined ? '' : String(pageToken);
    if (token !== '' && !/^[A-Za-z0-9_-]{1,64}$/.test(token))
      throw invalid('pageToken is not a valid page token');
    return { pageSize: size, pageToken: token };
  }
}
