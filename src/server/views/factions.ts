/** Factions (and groups) among the organizations: their kinds as the importer stores them, and the names their motions give them. */
import type Database from 'better-sqlite3';
import { originatorNamesLike } from '../../db/queries-originators';
import { memoByData } from '../data-stamp';

const FACTION_KINDS = new Set(['faction', 'group']);

/** True for an organization kind that files motions (a faction or a group), not one that deliberates them. */
export function isFactionKind(kind: string | null | undefined): boolean {
  return kind != null && FACTION_KINDS.has(kind);
}

/** A faction's names as its source's motions write them (originatorNamesLike), kept until the data changes. */
export function factionNames(sqlite: Database.Database, sourceId: number, name: string): string[] {
  return memoByData(sqlite, `faction-names|${sourceId}|${name}`, () => originatorNamesLike(sqlite, sourceId, name));
}
