import type { FormMetadata } from "@conform-to/react";
import type { SdgGoal } from "~/modules/sdg/sdg";
import type { ProposalInput } from "./proposal-schema";

/** What the proposal form and its sections share: the choices the loader gives, and the form's Conform fields. */
export interface ProposalFormOptions {
  themes: { id: number; name: string }[];
  organisations: { id: number; name: string; city: string; countryCode: string }[];
  targets: { id: string; goal: number; title: string }[];
  hubs: { id: number; title: string }[];
  goals: SdgGoal[];
  /** The calls for proposals the HUB may answer (app/modules/calls), labelled in the page's language. */
  calls?: { id: number; label: string }[];
}

/** The form's Conform metadata and its fields, as the sections receive them. */
export type ProposalFormMetadata = FormMetadata<ProposalInput, string[]>;
export type ProposalFields = ReturnType<ProposalFormMetadata["getFieldset"]>;
