import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { CONSOLE_CORE, type ConsoleCore } from '../console-core';
import { parseOr400 } from '../http/problem';
import { checkKeyId, createApiKeySchema } from './api-key.schema';
import type { ApiKeyView, CreatedApiKeyView } from './api-key.view';

/** Where these routes live; the request guard asks for the token on reads here too. */
export const API_KEYS_PATH = '/api/keys';

/** The gateway's API keys (Consul KV), as `npm run junction -- api-key` manages them. */
@Controller(API_KEYS_PATH.slice(1))
export class ApiKeysController {
  constructor(@Inject(CONSOLE_CORE) private readonly core: ConsoleCore) {}

  @Get()
  @Header('cache-control', 'no-store')
  list(): Promise<ApiKeyView[]> {
    return this.core.apiKeys.list();
  }

  /** 201 with the key: it is shown in this answer only, so nothing may cache it. */
  @Post()
  @Header('cache-control', 'no-store')
  create(@Body() body: unknown): Promise<CreatedApiKeyView> {
    return this.core.apiKeys.create(parseOr400(createApiKeySchema, body, 'new API key'));
  }

  /** An action, like restarting a process: the record stays listed, marked revoked. */
  @Post(':id/revoke')
  @HttpCode(200)
  revoke(@Param('id') id: string): Promise<ApiKeyView> {
    return this.core.apiKeys.revoke(checkKeyId(id));
  }
}
