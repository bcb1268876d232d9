import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { ReadModels } from '@council/platform/event-sourcing';

/**
 * Terminus indicator: up while the node's read models follow the log (also while they
 * rebuild beside an old file that answers); down once they stopped on an error, because
 * the node's answers would then go stale without anyone knowing. Absent read models
 * (an app without them) are not checked.
 */
@Injectable()
export class ReadModelsHealthIndicator {
  constructor(
    @Inject(HealthIndicatorService) private readonly indicators: HealthIndicatorService,
    @Optional() @Inject(ReadModels) private readonly models?: ReadModels,
  ) {}

  isHealthy<const Key extends string>(key: Key) {
    const indicator = this.indicators.check(key);
    if (!this.models) return indicator.up({ configured: false });
    const health = this.models.health();
    const data = { position: health.position.toString(), rebuilding: health.rebuilding, ...(health.stoppedBecause && { stoppedBecause: health.stoppedBecause }) };
    return health.up ? indicator.up(data) : indicator.down(data);
  }
}
