import { validateOverrideRequest, type OverrideRules } from './validate-override.ts';

export type OverrideFormField = 'subproject' | 'person' | 'from' | 'to';
/** Keyed like the override modal's inputs, for Slack's `response_action: errors`. */
export type OverrideFormErrors = Partial<Record<OverrideFormField, string>>;

export interface OverrideForm {
  subprojectId: string;
  /** The subproject exists and has at least one rotation. */
  hasRotation: boolean;
  /** The person submitting may override for it (rota-policy.ts). */
  allowed: boolean;
  /** Who covers, as a person id: undefined when nobody was chosen or the choice is not in the people list. */
  person?: string | undefined;
  /** How the choice reads when it is not in the people list (a mention), to name it in the error. */
  chosen?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

/** Every problem of a submitted override form at once, as the modal shows them. */
export function checkOverrideForm(form: OverrideForm, rules: OverrideRules): OverrideFormErrors {
  const errors: OverrideFormErrors = {};
  if (!form.hasRotation) errors.subproject = 'Choose a subproject with a rotation.';
  else if (!form.allowed) errors.subproject = `Only owners of ${form.subprojectId} or the group’s leads can create overrides for it.`;
  const checked = validateOverrideRequest({ person: form.person ?? form.chosen, from: form.from, to: form.to }, rules);
  if (checked.person) errors.person = form.chosen && !form.person ? 'That person is not in the people list of the config.' : checked.person;
  if (checked.from) errors.from = checked.from;
  if (checked.to) errors.to = checked.to;
  return errors;
}
