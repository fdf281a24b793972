/** The partners of a register version with their stakes (the stake also as a bar, the number always shown). */
import type { Register } from '../../shared/types.js';
import { partnerRows } from './model/partners.js';
import { useSpacing } from './spacing.js';

export function PartnersSection({ register }: { register: Register }) {
  const space = useSpacing();
  const rows = partnerRows(register);
  return (
    <section className="card" aria-labelledby="partners-title" data-testid="partners">
      <h3 id="partners-title">Partners and their stakes</h3>
      <p className={space.lead}>
        Governance model:{' '}
        {register.partnership.governanceModel === 'tiered'
          ? 'tiered (stakes by funding tier)'
          : 'horizontal (equal stakes)'}
        .
      </p>
      <div className="scroll" role="region" aria-label="Partners table" tabIndex={0}>
        <table>
          <thead>
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Sector</th>
              <th scope="col">Involvement</th>
              <th scope="col">Tier</th>
              <th scope="col" className="num">
                Stake
              </th>
              <th scope="col">MoU signatory</th>
              <th scope="col">Signed on</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{r.sector}</td>
                <td>{r.involvement}</td>
                <td>{r.tier}</td>
                <td className="num">
                  {r.stake}
                  <svg width="60" height="8" aria-hidden="true" className={space.stakeBar}>
                    <rect width="60" height="8" fill="#e0e0e0" />
                    <rect width={60 * r.share} height="8" fill="#0f6cbd" />
                  </svg>
                </td>
                <td>{r.signatory}</td>
                <td>{r.signedOn}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
