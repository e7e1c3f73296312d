import { Controller, Get, Inject } from '@nestjs/common';
import type { EdgeView, RouteRed, ServiceMapView, ServicesView } from '@junction/console-api';
import { CONSOLE_CORE, type ConsoleCore } from '../console-core';
import { prometheusTargets, type PrometheusTargetGroup } from './prometheus-targets';

/** The platform as last read from the registry and the instances' metrics. */
@Controller('api')
export class ServicesController {
  constructor(@Inject(CONSOLE_CORE) private readonly core: ConsoleCore) {}

  @Get('services')
  services(): ServicesView {
    return this.core.platform.servicesView;
  }

  @Get('map')
  map(): ServiceMapView {
    return this.core.serviceMap();
  }

  @Get('routes')
  routes(): RouteRed[] {
    return this.core.platform.routes;
  }

  @Get('edge')
  edge(): EdgeView {
    return this.core.platform.edge;
  }

  /** Prometheus HTTP service discovery. */
  @Get('prometheus/targets')
  prometheusTargets(): PrometheusTargetGroup[] {
    return prometheusTargets(this.core.platform.servicesView.services);
  }
}
