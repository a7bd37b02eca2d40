import type { PreparedLayers } from './layers.ts';
import { secondaryOf } from './secondary.ts';

/** Who is on call for a subproject at an instant (nobody: every field undefined). */
export interface OnCallAt {
  /** Person id of the primary: the first layer with someone on call. */
  primary?: string;
  /** Person id of the secondary, by the rule of the layer supplying the primary. */
  secondary?: string;
  rotationId?: string;
  layer?: number;
}

/**
 * The on-call rule, the one every caller uses (the rota api, `/k8s-infra oncall`, handoff
 * announcements): the primary is the first layer with someone on call, overrides, swaps and
 * windows applied (layers.ts); the secondary follows that layer's `secondary` rule
 * (secondary.ts), so an override never hides it: with upodroid covering ameukam's week of
 * [ameukam, upodroid, xmudrii], upodroid is primary and xmudrii secondary, not nobody.
 */
export function onCallAt(layers: PreparedLayers, instant: Date | number): OnCallAt {
  const primary = layers.whoIsOnCall(instant);
  if (!primary) return {};
  const layer = layers.layers[primary.layer];
  const secondary = layer && secondaryOf(layer, instant, layers.others);
  return { primary: primary.person, ...(secondary ? { secondary: secondary.person } : {}), rotationId: primary.rotationId, layer: primary.layer };
}
