import { describe, expect, it } from 'vitest';
import { node, plan } from '../../../test/helpers/figure-fixtures.ts';
import { laterStatusIndex } from './later-status.ts';

const manifesto = plan({
  id: 'mirai-2016',
  title: 'こもろ未来プロジェクト',
  publishedAt: '2016-02',
  nodes: [node({ id: 'early-a' }), node({ id: 'early-b' })],
});
const record = plan({
  id: 'ashiato-2024',
  title: '小泉市政2期8年の足跡',
  publishedAt: '2024-02',
  follows: 'mirai-2016',
  nodes: [
    node({
      id: 'late-a',
      status: 'done',
      continues: ['early-a'],
      statusSource: { documentId: 'komoro-brand-vol10', line: 150 },
    }),
    node({ id: 'late-b', continues: ['early-b'] }),
  ],
});
const nextManifesto = plan({
  id: 'mirai-2024',
  title: 'こもろ未来プロジェクト2024',
  publishedAt: '2024-02',
  follows: 'ashiato-2024',
  nodes: [
    node({ id: 'next-a', status: 'planned', continues: ['early-a'] }),
    node({ id: 'next-b', status: 'planned', continues: ['early-b'] }),
  ],
});

describe('laterStatusIndex', () => {
  it('takes the status the follow-up record states, with its node, plan and evidence', () => {
    const index = laterStatusIndex([nextManifesto, manifesto, record]);
    expect(index.get('early-a')).toMatchObject({
      status: { code: 'done', label: '完了' },
      nodeId: 'late-a',
      planTitle: '小泉市政2期8年の足跡',
      source: { documentId: 'komoro-brand-vol10', line: 150 },
    });
  });

  it('falls back to another later plan when the follow-up record states no status', () => {
    expect(laterStatusIndex([manifesto, record, nextManifesto]).get('early-b')).toMatchObject({
      status: { code: 'planned' },
      planId: 'mirai-2024',
    });
  });

  it('has nothing for a node no later plan rates', () => {
    expect(laterStatusIndex([manifesto]).size).toBe(0);
  });
});
