import { Inject } from '@nestjs/common';
import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { type Actor, Clock, EventStore, handleCommand } from '@council/platform/event-sourcing';
import { CurrentActor } from '@council/platform/nest';
import { REGION_STREAM, regionDecider, type RegisterProject } from '@council/region/domain';
import { RegionReader } from '../region-reader.js';
import { Project } from '../region.model.js';
import { RegisterProjectInput } from './register-project.input.js';

@Resolver()
export class RegisterProjectResolver {
  constructor(
    @Inject(EventStore) private readonly store: EventStore,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RegionReader) private readonly reader: RegionReader,
  ) {}

  @Mutation(() => Project, { description: 'The council registers a regional project that commitments can belong to.' })
  async registerProject(
    @Args('input', { type: () => RegisterProjectInput }) input: RegisterProjectInput,
    @Args('commandId', { type: () => String, nullable: true }) commandId: string | undefined,
    @CurrentActor() actor: Actor,
  ): Promise<Project> {
    const { id, ...rest } = input;
    const command: RegisterProject = {
      type: 'RegisterProject',
      data: { projectId: id, ...rest },
      metadata: { now: this.clock.now(), actor, ...(commandId && { commandId }) },
    };
    await handleCommand(this.store, regionDecider, REGION_STREAM, command);
    const project = (await this.reader.current()).projects[id]!;
    return { id, name: project.name, track: project.track, provinces: [...project.provinces], ...(project.nameEn && { nameEn: project.nameEn }) };
  }
}
