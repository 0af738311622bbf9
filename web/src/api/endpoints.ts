import {
  Member,
  Group,
  MapSnapshot,
  MapSummary,
  OpsSinceResult,
  SourceDetail,
  SourceSummary,
  SubmitOpsResult,
  type SubmitOpsBody,
} from '@counterpoint/shared';
import { z } from 'zod';
import { request } from './http';

/** The REST API, one function per endpoint; every answer is parsed with its shared schema. */

export const fetchGroups = () => request('GET', '/api/groups', z.array(Group));

export const fetchGroupMaps = (groupId: string) =>
  request('GET', `/api/groups/${enc(groupId)}/maps`, z.array(MapSummary));

export const createMap = (groupId: string, body: { title: string; description?: string }) =>
  request('POST', `/api/groups/${enc(groupId)}/maps`, MapSummary, body);

export const updateMap = (mapId: string, body: { title?: string; description?: string }) =>
  request('PATCH', `/api/maps/${enc(mapId)}`, MapSummary, body);

export const deleteMap = (mapId: string) => request('DELETE', `/api/maps/${enc(mapId)}`, null);

export const fetchMapSnapshot = (mapId: string) => request('GET', `/api/maps/${enc(mapId)}`, MapSnapshot);

export const submitOps = (mapId: string, body: SubmitOpsBody) =>
  request('POST', `/api/maps/${enc(mapId)}/ops`, SubmitOpsResult, body);

export const fetchOpsSince = (mapId: string, since: number) =>
  request('GET', `/api/maps/${enc(mapId)}/ops?since=${since}`, OpsSinceResult);

export const fetchGroupSources = (groupId: string) =>
  request('GET', `/api/groups/${enc(groupId)}/sources`, z.array(SourceSummary));

export const fetchSource = (sourceId: string) => request('GET', `/api/sources/${enc(sourceId)}`, SourceDetail);

const enc = encodeURIComponent;

export const fetchMembers = (groupId: string) => request('GET', `/api/groups/${groupId}/members`, z.array(Member));
