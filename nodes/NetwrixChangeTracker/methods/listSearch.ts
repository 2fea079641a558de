import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { agentDeviceIdOf } from '../../shared/transport/agentDeviceId';
import { HubClient } from '../../shared/transport/hubClient';
import { searchAgents as searchAgentPage } from '../../shared/transport/agents';
import { displayNameOf } from '../../shared/agents/displayName';
import { searchPlannedChangeInstances } from '../../shared/transport/plannedChanges';
import { fetchAvailableCompliance } from '../../shared/transport/compliance';

const PAGE = 50;

async function agentList(
	context: ILoadOptionsFunctions,
	deviceFilter: IDataObject,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const text = filter?.trim();
	const { agents, total } = await searchAgentPage(
		await HubClient.create(context),
		text ? { ...deviceFilter, TextSearch: text } : deviceFilter,
		skip,
		PAGE,
	);
	return {
		results: agents.map((agent) => {
			const id = agentDeviceIdOf(agent.AgentDevice);
			const name = displayNameOf(agent) || id;
			return { name: `${name} (${id})${agent.Deleted ? ' – deleted' : ''}`, value: id };
		}),
		paginationToken:
			skip + agents.length < total && agents.length > 0 ? String(skip + agents.length) : undefined,
	};
}

export async function searchAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await agentList(this, {}, filter, paginationToken);
}

export async function searchProxyAgents(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	return await agentList(this, { CanProxy: true }, filter, paginationToken);
}

/** Planned changes, newest start first, searched by display name (e.g. a change request number). */
export async function searchPlannedChanges(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const { instances, total } = await searchPlannedChangeInstances(
		await HubClient.create(this),
		filter?.trim() || undefined,
		skip,
		PAGE,
	);
	return {
		results: instances.map((instance) => ({
			name: `${instance.DisplayName || instance.InstanceId}${instance.Disabled ? ' – disabled' : ''}`,
			value: instance.InstanceId,
		})),
		paginationToken:
			skip + instances.length < total && instances.length > 0
				? String(skip + instances.length)
				: undefined,
	};
}

/**
 * Compliance reports with results (`/stats/getavailablecompliancedata`), searched by report or group name; one
 * answer lists them all, so the search is done here.
 */
export async function searchComplianceReports(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const answer = await fetchAvailableCompliance(await HubClient.create(this), {});
	const text = filter?.trim().toLowerCase();
	const reports = new Map<string, string>();
	for (const [group, entries] of Object.entries(answer.AvailableComplianceReports ?? {}))
		for (const report of entries ?? []) {
			const name =
				report.ReportName || `${report.ReportItemId} (${report.GroupDisplayName ?? group})`;
			if (!text || name.toLowerCase().includes(text)) reports.set(report.ReportItemId, name);
		}
	return {
		results: [...reports]
			.map(([value, name]) => ({ name, value }))
			.sort((a, b) => a.name.localeCompare(b.name)),
	};
}
