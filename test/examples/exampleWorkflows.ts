import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';

import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeProperties,
	INodePropertyCollection,
	INodeTypeDescription,
	INodeTypes,
	NodeParameterValueType,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { loadPackage, PACKAGE_NAME, PACKAGE_ROOT, type WorkflowJson } from '../harness';

export const EXAMPLES_DIR = join(PACKAGE_ROOT, 'examples');

export interface Example {
	slug: string;
	dir: string;
	workflow: WorkflowJson & { nodes: INode[] };
}

export function loadExamples(): Example[] {
	return readdirSync(EXAMPLES_DIR, { withFileTypes: true })
		.filter((entry) => entry.isDirectory())
		.sort((a, b) => parseInt(a.name, 10) - parseInt(b.name, 10) || a.name.localeCompare(b.name))
		.map((entry) => ({
			slug: entry.name,
			dir: join(EXAMPLES_DIR, entry.name),
			workflow: JSON.parse(
				readFileSync(join(EXAMPLES_DIR, entry.name, 'workflow.json'), 'utf8'),
			) as Example['workflow'],
		}));
}

interface Snapshot {
	version: string;
	nodes: Array<
		Pick<INodeTypeDescription, 'name' | 'version' | 'properties'> & {
			credentials: Array<{ name: string }>;
		}
	>;
}

const snapshot = JSON.parse(
	readFileSync(join(__dirname, 'n8n-nodes-base.snapshot.json'), 'utf8'),
) as Snapshot;
export const NODES_BASE_VERSION = snapshot.version;

const versionsOf = (version: number | number[]) => (Array.isArray(version) ? version : [version]);

/** The node's description for its typeVersion: n8n-nodes-base from the snapshot, ours from the built package. */
export async function descriptionOf(node: INode): Promise<INodeTypeDescription | undefined> {
	if (node.type.startsWith(`${PACKAGE_NAME}.`)) {
		const pkg = await loadPackage();
		const type = pkg.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		return versionsOf(type.description.version).includes(node.typeVersion)
			? type.description
			: undefined;
	}
	const found = snapshot.nodes.find(
		(entry) => entry.name === node.type && versionsOf(entry.version).includes(node.typeVersion),
	);
	return found as unknown as INodeTypeDescription | undefined;
}

const isExpression = (value: unknown) => typeof value === 'string' && value.startsWith('=');

function checkValue(
	value: unknown,
	property: INodeProperties,
	path: string,
	problems: string[],
): void {
	if (isExpression(value) || value === undefined) return;
	const fixedValues = property.typeOptions?.loadOptionsMethod ? undefined : property.options;
	if (property.type === 'options' && fixedValues) {
		const allowed = (fixedValues as Array<{ value?: unknown }>).map((option) => option.value);
		if (!allowed.includes(value as never))
			problems.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(allowed)}`);
	} else if (property.type === 'multiOptions' && fixedValues && Array.isArray(value)) {
		const allowed = (fixedValues as Array<{ value?: unknown }>).map((option) => option.value);
		for (const entry of value)
			if (!isExpression(entry) && !allowed.includes(entry))
				problems.push(`${path}: ${JSON.stringify(entry)} is not an option`);
	} else if (property.type === 'collection' && value && typeof value === 'object') {
		const options = (property.options ?? []) as INodeProperties[];
		for (const [key, inner] of Object.entries(value)) {
			const child = options.find((option) => option.name === key);
			if (!child) problems.push(`${path}.${key}: not an option of ${property.name}`);
			else checkValue(inner, child, `${path}.${key}`, problems);
		}
	} else if (property.type === 'fixedCollection' && value && typeof value === 'object') {
		const groups = (property.options ?? []) as INodePropertyCollection[];
		for (const [key, inner] of Object.entries(value)) {
			const group = groups.find((option) => option.name === key);
			if (!group) {
				problems.push(`${path}.${key}: not an option of ${property.name}`);
				continue;
			}
			const entries = Array.isArray(inner) ? inner : [inner];
			entries.forEach((entry, index) => {
				for (const [field, fieldValue] of Object.entries(entry as object)) {
					const child = group.values.find((candidate) => candidate.name === field);
					if (!child) problems.push(`${path}.${key}[${index}].${field}: not a field of ${key}`);
					else checkValue(fieldValue, child, `${path}.${key}[${index}].${field}`, problems);
				}
			});
		}
	}
}

/**
 * What n8n would flag in a node of an imported workflow: a parameter its description does not have (or does not
 * show with the other values set), a value that is not one of the options, a credential type it cannot use,
 * a required value left empty.
 */
export function nodeProblems(node: INode, description: INodeTypeDescription): string[] {
	const problems: string[] = [];
	const values =
		NodeHelpers.getNodeParameters(
			description.properties,
			node.parameters,
			true,
			false,
			node,
			description,
		) ?? {};
	for (const [name, value] of Object.entries(node.parameters)) {
		const shown = description.properties.filter(
			(property) =>
				property.name === name &&
				NodeHelpers.displayParameter(values, property, node, description, values),
		);
		if (!shown.length)
			problems.push(
				`${name}: not a parameter of ${node.type} v${node.typeVersion} with these settings`,
			);
		else checkValue(value, shown[0], name, problems);
	}
	const usable = new Set([
		...(description.credentials ?? []).map((credential) => credential.name),
		...[values.genericAuthType, values.nodeCredentialType].filter(
			(type): type is string => typeof type === 'string' && type !== '',
		),
	]);
	for (const type of Object.keys(node.credentials ?? {})) {
		if (!usable.has(type)) problems.push(`credential ${type}: not usable by ${node.type}`);
	}
	const issues = NodeHelpers.getNodeParametersIssues(
		description.properties,
		{ ...node, parameters: values as INodeParameters },
		description,
	);
	for (const [name, messages] of Object.entries(issues?.parameters ?? {}))
		problems.push(`${name}: ${messages.join('; ')}`);
	return problems;
}

/** Only the named nodes and the connections between them: the Change Tracker part of an example. */
export function subWorkflow(workflow: WorkflowJson, names: string[]): WorkflowJson {
	const keep = new Set(names);
	const connections: WorkflowJson['connections'] = {};
	for (const [source, outputs] of Object.entries(workflow.connections)) {
		if (!keep.has(source)) continue;
		const main = (outputs.main ?? []).map((list) =>
			(list ?? []).filter((connection) => keep.has(connection.node)),
		);
		if (main.some((list) => list.length)) connections[source] = { main };
	}
	return {
		name: workflow.name,
		nodes: workflow.nodes.filter((node) => keep.has(node.name)),
		connections,
	};
}

/** Every string in the node's parameters (expressions, code). */
function parameterTexts(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (value && typeof value === 'object') return Object.values(value).flatMap(parameterTexts);
	return [];
}

/** `$('Node').item.json.x`, `$('Node').first().json.x`, …: a field of another node's item, by that node's name. */
const NAMED_FIELD =
	/\$\(\s*(['"`])(.+?)\1\s*\)\s*\.\s*(?:item|first\(\s*\)|last\(\s*\)|all\(\s*\)\[\d+\]|itemMatching\([^)]*\))\s*\.\s*json\.([A-Za-z_]\w*)/g;

/** Field names the node's expressions and code read from its input items (`$json.x`, `json.x`). */
export function fieldsRead(node: INode): string[] {
	const fields = parameterTexts(node.parameters).flatMap((text) =>
		[...text.replace(NAMED_FIELD, '').matchAll(/\bjson\.([A-Za-z_]\w*)/g)].map((match) => match[1]),
	);
	return [...new Set(fields)];
}

/** Field names the node's expressions read from the items of the node named `source` (`$('source').item.json.x`). */
export function fieldsReadFrom(node: INode, source: string): string[] {
	const fields = parameterTexts(node.parameters).flatMap((text) =>
		[...text.matchAll(NAMED_FIELD)].filter((match) => match[2] === source).map((match) => match[3]),
	);
	return [...new Set(fields)];
}

/** Node types n8n's expression engine needs none of: the parameter is evaluated as it stands. */
const noNodeTypes = {
	getByName: () => undefined,
	getByNameAndVersion: () => undefined,
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

/**
 * One parameter of a node (`path` as `additionalFields.description`) evaluated by n8n's expression engine for one
 * input item, as the node would see it when it runs: what ServiceNow or Splunk would receive. Only `$json` (and
 * n8n's globals such as `$now`) resolve; an expression naming another node fails.
 */
export function evaluateParameter(node: INode, path: string, item: IDataObject): unknown {
	const value = path
		.split('.')
		.reduce<unknown>((inner, key) => (inner as Record<string, unknown>)?.[key], node.parameters);
	if (value === undefined) throw new Error(`${node.name} has no parameter ${path}`);
	const workflow = new Workflow({
		nodes: [structuredClone(node)],
		connections: {},
		nodeTypes: noNodeTypes,
		active: false,
	});
	return workflow.expression.getParameterValue(
		value as NodeParameterValueType,
		null,
		0,
		0,
		node.name,
		[{ json: item }],
		'manual',
		{},
	);
}

/**
 * A Code node's JavaScript (mode Run Once for All Items) run on the items, with the `$input` n8n gives it and `$('Node')`
 * for the nodes in `named` (their output items). Only for code that uses nothing else of n8n's sandbox, as the
 * examples' Code nodes do.
 */
export function runCode(
	node: INode,
	items: IDataObject[],
	named: Record<string, IDataObject[]> = {},
): IDataObject[] {
	const { mode, jsCode } = node.parameters as { mode?: string; jsCode: string };
	if (mode !== 'runOnceForAllItems') throw new Error(`${node.name}: not Run Once for All Items`);
	const wrap = (list: IDataObject[]) => list.map((json) => ({ json: structuredClone(json) }));
	const input = { all: () => wrap(items) };
	const $ = (name: string) => {
		const output = named[name];
		if (!output) throw new Error(`${node.name} reads $('${name}'), which the test did not give`);
		return { all: () => wrap(output), first: () => wrap(output)[0] };
	};
	const run = new Function('$input', '$', jsCode) as (
		input: unknown,
		dollar: unknown,
	) => Array<{ json: IDataObject }>;
	return run(input, $).map((item) => item.json);
}
