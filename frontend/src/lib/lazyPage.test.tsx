import { Suspense } from 'react';
import { render, screen } from '@testing-library/react';
import { lazy } from './lazyPage';

const Page = () => <h1>页面</h1>;

describe('lazy pages', () => {
  it('renders a preloaded page at once, without the fallback', async () => {
    let loads = 0;
    const Lazy = lazy(async () => {
      loads++;
      return { default: Page };
    });
    await Lazy.preload();
    render(
      <Suspense fallback={<p>加载中</p>}>
        <Lazy />
      </Suspense>,
    );
    expect(screen.getByRole('heading', { name: '页面' })).toBeInTheDocument();
    expect(screen.queryByText('加载中')).toBeNull();
    expect(loads).toBe(1);
  });

  it('suspends like React.lazy while the page is still loading', async () => {
    const Lazy = lazy(async () => ({ default: Page }));
    render(
      <Suspense fallback={<p>加载中</p>}>
        <Lazy />
      </Suspense>,
    );
    expect(screen.getByText('加载中')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: '页面' })).toBeInTheDocument();
  });
});
