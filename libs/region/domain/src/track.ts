/** The council's three tracks (more can be added with a new release of the domain). */
export const TRACKS = ['transport', 'health', 'workforce'] as const;
export type Track = (typeof TRACKS)[number];
