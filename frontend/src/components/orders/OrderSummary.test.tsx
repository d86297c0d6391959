import { render, screen } from '@testing-library/react';
import { Providers } from '../../App';
import OrderSummary from './OrderSummary';
import { belowTotals } from '../../test/orders';

describe('order preview summary', () => {
  it('renders totals, deposits and the below-minimum-wage state', () => {
    render(
      <Providers>
        <OrderSummary totals={belowTotals} depositKind="per_unit" />
      </Providers>,
    );
    expect(screen.getByText('¥7,500.00')).toBeInTheDocument();
    expect(screen.getByText('¥200.00')).toBeInTheDocument();
    expect(screen.getByText('¥1,000.00')).toBeInTheDocument();
    expect(screen.getByText('¥15.00/小时')).toBeInTheDocument();
    expect(screen.getByText('¥22.00/小时')).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /折合时薪与当地最低小时工资对比/ })).toHaveAttribute('data-below', 'true');
    expect(screen.getByTestId('below-min-wage')).toHaveTextContent('低于当地最低小时工资标准');
    expect(screen.getByText(/来源：人力资源社会保障部/)).toBeInTheDocument();
  });

  it('says when the pay is fair, and when there is nothing to show yet', () => {
    const { rerender } = render(
      <Providers>
        <OrderSummary totals={{ ...belowTotals, hourly_equivalent: 3000, below_minimum_wage: false }} depositKind="none" />
      </Providers>,
    );
    expect(screen.getByText('不低于当地最低小时工资标准')).toBeInTheDocument();
    expect(screen.queryByTestId('below-min-wage')).not.toBeInTheDocument();
    expect(screen.getAllByText('无需保证金')).toHaveLength(2);
    rerender(
      <Providers>
        <OrderSummary totals={null} />
      </Providers>,
    );
    expect(screen.getByText(/填写数量、单价/)).toBeInTheDocument();
  });
});
